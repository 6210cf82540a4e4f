/**
 * Format Document: every safe fix, applied until the text settles, as `--fix` applies them, and returned as
 * the few edits that turn the text into the fixed one.
 */
import { diffEdits } from './diff';
import { fixAll } from './fix';
import type { LintOptions, OnError } from './runner';
import type { TextEdit } from './types';

/**
 * The edits that apply the safe fixes to `text`; none when nothing is fixable, and none when the fixes do
 * not settle, since then no pass is more right than another (see `fixAll`).
 */
export function formatEdits(text: string, options: LintOptions = {}, onRuleError?: OnError): TextEdit[] {
  const fixed = fixAll(text, options, true, onRuleError);
  return fixed.settled ? diffEdits(text, fixed.text) : [];
}
