/** Which format a document is linted as: the configured one, or the detected one under `auto`. */
import { detectFormat } from './detect';
import type { Format, FormatSetting } from './model';

export function resolveFormat(setting: FormatSetting, text: string): Format {
  return setting === 'auto' ? detectFormat(text) : setting;
}
