/**
 * `quote-attribution` on both sides of its line: quoted speech with no speaker in its paragraph or the next sentence
 * is reported, whatever its quotation marks and however many paragraphs it runs over; attributed speech in the
 * layouts releases use, and quoted phrases that are not speech (scare quotes, titles), are not.
 */
import * as assert from 'node:assert/strict';
import { lint, resolveConfig } from '../../server/src/core/index';

const WIRE = { config: resolveConfig({ format: 'wire' }), today: { year: 2025, month: 6, day: 1 } };
const LEAD = 'AUSTIN, Texas, March 4, 2025 — Acme Corp. opened a plant in Austin today that will employ 300 people.';
const AFTER = 'The plant cost $40 million and took two years to build.';

/** A release whose story is the lead, the given paragraphs and a closing paragraph of plain narration. */
function release(...paragraphs: string[]): string {
  return [
    'Acme Opens a Plant in Austin',
    LEAD,
    ...paragraphs,
    AFTER,
    'About Acme Corp.\nAcme makes anvils.',
    '###',
  ].join('\n\n');
}

function reported(text: string): string[] {
  return lint(text, WIRE)
    .findings.filter((f) => f.ruleId === 'quote-attribution')
    .map((f) => `${text.slice(f.span.start, f.span.start + 12)}|${f.message}`);
}

describe('quote-attribution', () => {
  it('reports a paragraph of unattributed speech, in straight or curly quotes', () => {
    assert.deepEqual(reported(release('"We outgrew the old plant in a year. Now we have room to grow."')), [
      '"We outgrew |Quote "We outgrew the old plant in a year. Now…" does not say who said it',
    ]);
    assert.equal(reported(release('“We outgrew the old plant in a year. Now we have room to grow.”')).length, 1);
    assert.equal(reported(release('„Wir sind in einem Jahr aus dem alten Werk herausgewachsen.“')).length, 1);
  });

  it('reports unattributed speech after narration, or with its full stop after the closing mark', () => {
    const mid = 'Production starts in May. "We hired 200 people this year and will hire more next year."';
    assert.equal(reported(release(mid)).length, 1);
    assert.equal(reported(release('"We are proud of what the whole team has built here".')).length, 1);
  });

  it('reads a quotation that hands over to its speaker with a comma as speech, attributed or not', () => {
    assert.equal(
      reported(release('"We will hire forty people by the end of the year," the plan for the plant shows.')).length,
      1,
    );
    assert.equal(reported(release('"We will hire forty people by the end of the year," said Jane Doe.')).length, 0);
  });

  it('reports a quotation over two paragraphs once, at its start, when neither names the speaker', () => {
    const found = reported(
      release(
        '“We outgrew the old plant in a year, and the new one doubles what we make.',
        '“It also uses half the power.”',
      ),
    );
    assert.deepEqual(
      found.map((f) => f.split('|')[0]),
      ['“We outgrew '],
    );
  });

  it('does not take words inside the quotation, or a speaker two sentences on, as the attribution', () => {
    assert.equal(reported(release('"We said we would build it here, and we did. It opens in May."')).length, 1);
    const late = 'The plant opens in May. Jane Roe, the chief executive, said it was the largest in Texas.';
    assert.equal(reported(release('"We outgrew the old plant in a year. Now we have room."', late)).length, 1);
  });

  it('accepts a speaker named with a verb of saying, in the paragraph or in the next sentence', () => {
    // Speech of two sentences, so that each case is silent for its attribution and not for being a short phrase.
    const q = '"We outgrew the old plant in a year. Now we have room to grow,"';
    assert.equal(reported(release(q.replace(/,"$/, '."'))).length, 1, 'the quotation alone is reported');
    for (const paragraph of [
      `${q} said Jane Roe, chief executive of Acme Corp.`,
      `${q} says Jane Roe.`,
      `${q} Roe added.`,
      `${q} she explained.`,
      `${q} the chief executive noted.`,
      `${q} Roe commented.`,
      `${q} the company stated.`,
      `${q} Roe told reporters.`,
      `${q} according to Jane Roe.`,
      `${q} the company said in a statement.`,
      `In a statement, the company wrote: ${q.replace(/,"$/, '."')}`,
    ])
      assert.deepEqual(reported(release(paragraph)), [], paragraph);
    for (const verb of [
      'announced',
      'announces',
      'shared',
      'highlighted',
      'confirmed',
      'confirms',
      'mentioned',
      'predicted',
      'answered',
      'cautioned',
      'recommended',
      'suggested',
      'reiterated',
    ])
      assert.deepEqual(reported(release(`${q} Roe ${verb}.`)), [], verb);
    // A verb of thinking names no speaker, so the quotation is still reported.
    assert.equal(reported(release(`${q} Roe believes.`)).length, 1, 'believes');
    // Neither does a verb in the passive, nor a noun that looks like a verb.
    const said = q.replace(/,"$/, '."');
    assert.equal(reported(release(said, 'The map has been shared with the city.')).length, 1, 'passive');
    assert.equal(reported(release(said, 'Acme shares rose 3% on the news.')).length, 1, 'shares');
    const next = 'Jane Roe, the chief executive, said the plant had been her goal for years.';
    assert.deepEqual(reported(release('"We outgrew the old plant in a year. Now we have room."', next)), []);
  });

  it('accepts a name with a colon, a dash and a name, and a paragraph that leads in with a colon', () => {
    const speech = '“We outgrew the old plant in a year. Now we have room to grow.”';
    assert.equal(reported(release(speech)).length, 1, 'the quotation alone is reported');
    for (const paragraphs of [
      [`Jane Roe, chief executive of Acme Corp.: ${speech}`],
      [`Jane Roe, chief executive of Acme Corp.:\n${speech}`],
      [`${speech} — Jane Roe, chief executive`],
      [speech, '— Jane Roe, chief executive of Acme Corp.'],
      ['Jane Roe, the chief executive, put it this way:', speech],
    ])
      assert.deepEqual(reported(release(...paragraphs)), [], paragraphs.join(' / '));
  });

  it('accepts a quotation over paragraphs whose first paragraph names the speaker', () => {
    const text = release(
      '“We outgrew the old plant in a year,” said Jane Roe, chief executive. “The new one doubles what we make.',
      '“It also uses half the power, and the roof carries solar panels.',
      '“We will open a second line in the autumn.”',
    );
    assert.deepEqual(reported(text), []);
    assert.equal(reported(text.replace(',” said Jane Roe, chief executive.', '.”')).length, 2, 'without the speaker');
  });

  it('leaves scare quotes, titles and short phrases alone', () => {
    for (const paragraph of [
      'The so-called "green premium" on steel fell by half this year, the industry association reported.',
      'The magazine named Acme Corp. a “Best Employer 2024” in its annual survey of manufacturers.',
      '“Best Employer of the Year 2024 in Central Texas” is the third award the company has won.',
      'Workers call the new line "the quiet one" because its presses run on hydraulics.',
      '"Yes," was the answer.',
    ])
      assert.deepEqual(reported(release(paragraph)), [], paragraph);
  });

  it('leaves the boilerplate alone, and applies to standard releases only', () => {
    const text = release().replace(
      'Acme makes anvils.',
      'Acme makes anvils. "We make the anvils that last a lifetime."',
    );
    assert.deepEqual(reported(text), []);
    const feed =
      'Acme opens a plant 04.03.2025\n"We outgrew the old plant in a year. Now we have room."\nSource : https://acme.example/news';
    assert.deepEqual(
      lint(feed, { config: resolveConfig({ format: 'feed' }), today: WIRE.today }).findings.filter(
        (f) => f.ruleId === 'quote-attribution',
      ),
      [],
    );
  });
});
