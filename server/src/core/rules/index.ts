/**
 * The explicit list of rules. Order here is the order of findings at one
 * position and the order of the docs table; ids are a public contract.
 */
import type { Rule } from '../types';
import { acronymMismatch } from './acronym-mismatch';
import { acronymVariant } from './acronym-variant';
import { contactFormat } from './contact-format';
import { dateFormat } from './date-format';
import { datelineDate } from './dateline-date';
import { duplicateSource } from './duplicate-source';
import { duplicateTitle } from './duplicate-title';
import { embargo } from './embargo';
import { emptyBody } from './empty-body';
import { datelineStyle } from './dateline-style';
import { headlineLength } from './headline-length';
import { headlinePunctuation } from './headline-punctuation';
import { futureDate } from './future-date';
import { inconsistentName } from './inconsistent-name';
import { invalidDate } from './invalid-date';
import { mergedRelease } from './merged-release';
import { missingBoilerplate } from './missing-boilerplate';
import { missingContact } from './missing-contact';
import { missingDate } from './missing-date';
import { missingDateline } from './missing-dateline';
import { missingEndMark } from './missing-end-mark';
import { missingSource } from './missing-source';
import { missingTitle } from './missing-title';
import { quoteAttribution } from './quote-attribution';
import { sentenceSpacing } from './sentence-spacing';
import { shortBody } from './short-body';
import { sourcePlacement } from './source-placement';
import { sourceUrl } from './source-url';
import { titleLength } from './title-length';
import { titlePunctuation } from './title-punctuation';
import { weekdayMismatch } from './weekday-mismatch';

export const RULES: readonly Rule[] = [
  missingDate,
  invalidDate,
  dateFormat,
  futureDate,
  weekdayMismatch,
  missingSource,
  sourceUrl,
  duplicateSource,
  sourcePlacement,
  missingTitle,
  emptyBody,
  shortBody,
  titlePunctuation,
  titleLength,
  duplicateTitle,
  sentenceSpacing,
  inconsistentName,
  acronymMismatch,
  acronymVariant,
  mergedRelease,
  missingDateline,
  missingEndMark,
  missingBoilerplate,
  headlinePunctuation,
  headlineLength,
  datelineDate,
  datelineStyle,
  missingContact,
  contactFormat,
  embargo,
  quoteAttribution,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
