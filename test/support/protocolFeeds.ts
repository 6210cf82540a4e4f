/** Small feeds that several protocol suites open: each triggers a known, short list of findings. */

/** A court release with a date in the wrong format and a glued sentence: `date-format`, `sentence-spacing`. */
export const COURT_FEED = [
  'Court opens on Saturdays 2025-02-05',
  'The district court opens a reception for citizens on Saturdays so that people who work can file documents.It will',
  'not need a day off, the court said in a statement on its website on Monday.',
  'Source : https://press.example.gov/entities/court/press/news/details/930630',
].join('\n');

/** A release that spells one deputy minister two ways: `inconsistent-name` on the minority spelling. */
export const NAMES_RELEASE = [
  'S. Nurgaliyev opened the pumping station 09.02.2025',
  'Deputy Minister of Energy Serik Nurgaliev opened the pumping station in the Karkaraly district on Monday. ' +
    'Serik Nurgaliev said the station will supply four villages.',
  'Source : https://press.example.gov/entities/energy/press/news/details/1',
].join('\n');
