/**
 * Hover on an acronym: its long form from its own release, from another release of the document, or from another
 * file of the workspace, and the other long forms the workspace gives it.
 */
import * as assert from 'node:assert/strict';
import { hoverAt, lint, summarizeText, WorkspaceSummaries } from '../../server/src/core/index';

const today = { year: 2025, month: 6, day: 1 };

function feed(...bodies: string[]): string {
  return bodies
    .map(
      (body, i) =>
        `Officials met in the region 0${i + 1}.02.2025\n${body}\nSource : https://press.example.gov/news/${i + 1}\n`,
    )
    .join('');
}

const DEFINES =
  'Delegates of the Shanghai Cooperation Organisation (SCO) met in the capital on Monday for two days of talks.';
const USES = 'The SCO secretariat said on Tuesday that the next meeting of its members would take place in the spring.';

describe('acronym hover', () => {
  it("gives the long form from the acronym's own release", () => {
    const text = feed(`${DEFINES} The SCO members agreed.`);
    const hover = hoverAt(lint(text, { today }), text.lastIndexOf('SCO') + 1)!;
    assert.equal(hover.markdown, '**SCO** · Shanghai Cooperation Organisation\n\n- Defined in this release');
    assert.equal(text.slice(hover.span.start, hover.span.end), 'SCO');
  });

  it('gives the long form from another release of the document, by its title', () => {
    const text = feed(DEFINES, USES);
    const hover = hoverAt(lint(text, { today }), text.lastIndexOf('SCO') + 1)!;
    assert.equal(
      hover.markdown,
      '**SCO** · Shanghai Cooperation Organisation\n\n- Defined in "Officials met in the region"',
    );
  });

  it('gives the long form from another file, and the other long forms the workspace gives it', () => {
    const text = feed(USES);
    const workspace = new WorkspaceSummaries();
    const config = lint('', { today }).config;
    workspace.set('file:///desk/monday.release', summarizeText(feed(DEFINES), config));
    const other =
      'The State Customs Office (SCO) reported record receipts in the first quarter of the year, officials said.';
    workspace.set('file:///desk/tuesday.release', summarizeText(feed(other), config));
    workspace.set('file:///desk/open.release', summarizeText(feed(other), config));
    const view = { summaries: workspace, file: 'file:///desk/open.release' };
    const hover = hoverAt(lint(text, { today }), text.indexOf('SCO') + 1, view)!;
    assert.equal(
      hover.markdown,
      [
        '**SCO** · Shanghai Cooperation Organisation',
        '',
        '- Defined in monday.release, line 2',
        '- Also defined as State Customs Office in tuesday.release, line 2',
      ].join('\n'),
    );
    // Without the workspace, nothing defines it.
    assert.equal(hoverAt(lint(text, { today }), text.indexOf('SCO') + 1), undefined);
  });
});
