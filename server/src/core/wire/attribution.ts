/**
 * Whether a quotation says who is speaking: a verb of saying or `according to` in the narration of its paragraphs
 * or of the sentence after it, a name with a colon before it (`Jane Doe, CEO: "…"`), or a dash and a name after it
 * (`"…" — Jane Doe`). Only the narration counts: words inside quotation marks are what was said, not who said it.
 */
import type { Paragraph } from './paragraphs';
import { narration, type Quote } from './quotes';

/**
 * The commonest verbs of saying, after which a quotation's speaker is named (`," said Jane Roe`): the outline reads
 * the name after them. They are verbs of saying like the others below, so `quote-attribution` counts them too.
 */
export const SPEAKER_VERBS = 'said|says|added|adds|explained|noted';

/**
 * Verbs of saying, lower case so that `States` in `United States` or a `Notes` heading is not one. Verbs of thinking
 * (`believes`, `feels`) are left out: `Acme believes the plant will "change the region"` names no speaker. So are
 * `shares`, `answers` and `highlights`, which releases use far more often as nouns (`Acme shares rose`), and
 * `reflects` (`the plant reflects our growth`).
 */
const VERBS = [
  SPEAKER_VERBS,
  'say|explains|notes|commented|comments|stated|states|told|tells',
  'continued|continues|remarked|remarks|observed|observes|wrote|writes|asked|asks|replied|replies',
  'recalled|recalls|concluded|concludes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|insisted|insists',
  'argued|argues|acknowledged|acknowledges|declared|declares|admitted|admits|warned|warns|urged|urges',
  'announced|announces|shared|highlighted|confirmed|confirms|mentioned|mentions',
  'predicted|predicts|answered|cautioned|cautions|recommended|recommends|suggested|suggests',
  'affirmed|affirms|reiterated|reiterates|elaborated|elaborates|recounted|recounts',
  'pointed out|points out|put it|puts it',
].join('|');
// A verb in the passive (`the map has been shared`, `was announced`) names no speaker.
const CUE = new RegExp(
  `(?<!\\b(?:be|been|being|is|are|was|were)\\s+)\\b(?:${VERBS})\\b|\\b[Aa]ccording to\\b` +
    `|\\b[Ii]n (?:a|an|the|his|her|their|its) (?:written )?statement\\b`,
);
/** A colon that introduces the quotation, as after a name or `She said`. */
const COLON_BEFORE = /:\s*$/;
/** A dash and a capitalised word after the closing mark: the byline of a quotation. */
const DASH_AFTER = /^\s*(?:[—–]|--?)\s*\p{Lu}/u;
/** The end of the first sentence of a paragraph's narration. */
const FIRST_SENTENCE = /^[\s\S]*?[.!?…](?=\s|$)/;

/** The narration of the sentence that follows the quotation's last paragraph. */
function nextSentence(after: number, paragraphs: readonly Paragraph[], quotes: readonly Quote[]): string {
  if (after >= paragraphs.length) return '';
  const text = narration(after, paragraphs, quotes);
  return FIRST_SENTENCE.exec(text)?.[0] ?? text;
}

/** Whether the paragraph before the quotation leads into it with a colon. */
function introduced(q: Quote, paragraphs: readonly Paragraph[], quotes: readonly Quote[]): boolean {
  const first = q[0];
  const before = narration(first.paragraph, paragraphs, quotes).slice(0, first.open);
  if (before.trim() !== '') return COLON_BEFORE.test(before);
  return first.paragraph > 0 && COLON_BEFORE.test(paragraphs[first.paragraph - 1].text);
}

/** Whether a dash and a name follow the quotation, on its own paragraph or at the start of the next. */
function signed(q: Quote, paragraphs: readonly Paragraph[]): boolean {
  const last = q[q.length - 1];
  if (last.close !== undefined && DASH_AFTER.test(paragraphs[last.paragraph].text.slice(last.close + 1))) return true;
  const next = paragraphs[last.paragraph + 1];
  return next !== undefined && DASH_AFTER.test(next.text);
}

export function isAttributed(q: Quote, paragraphs: readonly Paragraph[], quotes: readonly Quote[]): boolean {
  if (introduced(q, paragraphs, quotes) || signed(q, paragraphs)) return true;
  const own = [...new Set(q.map((s) => s.paragraph))];
  if (own.some((p) => CUE.test(narration(p, paragraphs, quotes)))) return true;
  return CUE.test(nextSentence(own[own.length - 1] + 1, paragraphs, quotes));
}
