/**
 * Configuration: the same keys come from VS Code settings, from a team's
 * `.pressreleaserc.json` and from CLI flags. Each source is validated into a
 * partial layer with readable errors, and the layers are merged in order.
 * Nothing here throws: a bad value is reported and skipped.
 */
import { DATE_FORMATS, DEFAULT_DATE_FORMAT, type DateFormat } from './dates';
import { RULES, RULES_BY_ID } from './rules/index';
import { FORMAT_SETTINGS, type FormatSetting } from './wire/model';
import { SEVERITIES, type OptionValue, type Rule, type SeveritySetting } from './types';

export const CONFIG_FILE_NAME = '.pressreleaserc.json';

export interface RuleConfig {
  severity: SeveritySetting;
  options: Record<string, OptionValue>;
}

export interface Config {
  /** The document format, or `auto` to detect it from each document's content. */
  format: FormatSetting;
  dateFormat: DateFormat;
  rules: Record<string, RuleConfig>;
  /** Canonical spellings of names; variants of them are flagged even when they occur once. */
  names: string[];
  /** Names that the name checks leave alone. */
  ignoreNames: string[];
  /** File endings, besides `.release`, that the CLI lints when it walks a directory. */
  extensions: string[];
}

export interface ConfigLayer {
  format?: FormatSetting;
  dateFormat?: DateFormat;
  rules?: Record<string, { severity?: SeveritySetting; options?: Record<string, OptionValue> }>;
  names?: string[];
  ignoreNames?: string[];
  extensions?: string[];
}

export interface ReadResult {
  layer: ConfigLayer;
  errors: string[];
}

/** A rule's options at their defaults. */
export function defaultOptions(rule: Rule): Record<string, OptionValue> {
  const options: Record<string, OptionValue> = {};
  for (const [name, spec] of Object.entries(rule.options ?? {})) options[name] = spec.default;
  return options;
}

export function defaultConfig(): Config {
  const rules: Record<string, RuleConfig> = {};
  for (const rule of RULES) rules[rule.id] = { severity: rule.defaultSeverity, options: defaultOptions(rule) };
  return { format: 'auto', dateFormat: DEFAULT_DATE_FORMAT, rules, names: [], ignoreNames: [], extensions: [] };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The one key that would reach an object's prototype if it were assigned.
 * JSON.parse makes it an own property, so a config file can carry it; it is
 * refused by name, and every other lookup reads own properties only, so
 * `constructor` or `toString` are just unknown names.
 */
const PROTOTYPE_KEY = '__proto__';

function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

function readSeverity(v: unknown, where: string, errors: string[]): SeveritySetting | undefined {
  if (typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v)) return v as SeveritySetting;
  errors.push(`${where}: severity must be one of ${SEVERITIES.join(', ')} (got ${JSON.stringify(v)})`);
  return undefined;
}

type RuleEntry = { severity?: SeveritySetting; options?: Record<string, OptionValue> };

const TOP_LEVEL_KEYS = ['format', 'dateFormat', 'rules', 'names', 'ignoreNames', 'extensions', '$schema'];

/** One option of a rule: a value the rule declares, of the declared type and range. */
function readOption(rule: Rule, name: string, v: unknown, where: string, errors: string[]): OptionValue | undefined {
  if (name === PROTOTYPE_KEY) {
    errors.push(`${where}: "${name}" cannot be an option name`);
    return undefined;
  }
  const spec = ownValue(rule.options, name);
  if (!spec) {
    const known = Object.keys(rule.options ?? {});
    errors.push(
      `${where}: unknown option "${name}" ` +
        (known.length ? `(known: ${known.join(', ')})` : '(the rule has no options)'),
    );
    return undefined;
  }
  if (spec.type === 'enum') {
    if (typeof v === 'string' && spec.values.includes(v)) return v;
    errors.push(`${where}.${name}: expected one of ${spec.values.join(', ')} (got ${JSON.stringify(v)})`);
    return undefined;
  }
  if (typeof v === 'number' && Number.isInteger(v) && v >= spec.minimum) return v;
  errors.push(`${where}.${name}: expected a whole number of at least ${spec.minimum} (got ${JSON.stringify(v)})`);
  return undefined;
}

/** One entry of `rules`: a severity, or an object with a severity and the rule's options. */
function readRuleEntry(rule: Rule, value: unknown, where: string, errors: string[]): RuleEntry | undefined {
  if (typeof value === 'string') {
    const severity = readSeverity(value, where, errors);
    return severity ? { severity } : undefined;
  }
  if (!isObject(value)) {
    errors.push(`${where}: expected a severity or an object such as {"severity": "warning"}`);
    return undefined;
  }
  const entry: RuleEntry = {};
  for (const [name, v] of Object.entries(value)) {
    if (name === 'severity') {
      const severity = readSeverity(v, where, errors);
      if (severity) entry.severity = severity;
      continue;
    }
    const option = readOption(rule, name, v, where, errors);
    // Options live in an object without a prototype, so no name can reach Object.prototype.
    if (option !== undefined) (entry.options ??= Object.create(null) as Record<string, OptionValue>)[name] = option;
  }
  return entry;
}

function readRules(raw: unknown, origin: string, errors: string[]): ConfigLayer['rules'] {
  if (!isObject(raw)) {
    errors.push(`${origin}: "rules" must be an object of rule ids`);
    return undefined;
  }
  const rules: NonNullable<ConfigLayer['rules']> = {};
  for (const [id, value] of Object.entries(raw)) {
    const rule = RULES_BY_ID.get(id);
    if (!rule) {
      errors.push(`${origin}: unknown rule "${id}"`);
      continue;
    }
    const entry = readRuleEntry(rule, value, `${origin}: rules.${id}`, errors);
    if (entry) rules[id] = entry;
  }
  return rules;
}

function readNameList(v: unknown, key: string, origin: string, errors: string[]): string[] | undefined {
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim().length > 0))
    return v.map((x: string) => x.trim());
  errors.push(`${origin}: ${key} must be a list of names (got ${JSON.stringify(v)})`);
  return undefined;
}

/** File endings such as ".txt": a dot, then at least one character that is neither a dot nor a path separator. */
function readExtensions(v: unknown, origin: string, errors: string[]): string[] | undefined {
  const isExtension = (x: unknown): x is string => typeof x === 'string' && /^\.[^./\\]+$/.test(x);
  if (Array.isArray(v) && v.every(isExtension)) return v.slice();
  errors.push(`${origin}: extensions must be a list of file endings such as ".txt" (got ${JSON.stringify(v)})`);
  return undefined;
}

function readDateFormat(v: unknown, origin: string, errors: string[]): DateFormat | undefined {
  if (typeof v === 'string' && (DATE_FORMATS as readonly string[]).includes(v)) return v as DateFormat;
  errors.push(`${origin}: dateFormat must be one of ${DATE_FORMATS.join(', ')} (got ${JSON.stringify(v)})`);
  return undefined;
}

function readFormat(v: unknown, origin: string, errors: string[]): FormatSetting | undefined {
  if (typeof v === 'string' && (FORMAT_SETTINGS as readonly string[]).includes(v)) return v as FormatSetting;
  errors.push(`${origin}: format must be one of ${FORMAT_SETTINGS.join(', ')} (got ${JSON.stringify(v)})`);
  return undefined;
}

/** Validates settings or a parsed config file into a layer; `origin` names the source in messages. */
export function readConfig(raw: unknown, origin: string): ReadResult {
  const errors: string[] = [];
  const layer: ConfigLayer = {};
  if (raw === undefined || raw === null) return { layer, errors };
  if (!isObject(raw)) return { layer, errors: [`${origin}: expected an object with "dateFormat" and "rules"`] };
  for (const key of Object.keys(raw)) if (!TOP_LEVEL_KEYS.includes(key)) errors.push(`${origin}: unknown key "${key}"`);
  for (const key of ['names', 'ignoreNames'] as const) {
    const list = raw[key] === undefined ? undefined : readNameList(raw[key], key, origin, errors);
    if (list) layer[key] = list;
  }
  const extensions = raw.extensions === undefined ? undefined : readExtensions(raw.extensions, origin, errors);
  if (extensions) layer.extensions = extensions;
  const dateFormat = raw.dateFormat === undefined ? undefined : readDateFormat(raw.dateFormat, origin, errors);
  if (dateFormat) layer.dateFormat = dateFormat;
  const format = raw.format === undefined ? undefined : readFormat(raw.format, origin, errors);
  if (format) layer.format = format;
  const rules = raw.rules === undefined ? undefined : readRules(raw.rules, origin, errors);
  if (rules) layer.rules = rules;
  return { layer, errors };
}

/** Parses the text of a config file; a syntax error becomes a message, never an exception. */
export function readConfigText(text: string, origin: string): ReadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { layer: {}, errors: [`${origin}: invalid JSON (${(e as Error).message})`] };
  }
  return readConfig(raw, origin);
}

/** Merges layers over the defaults; later layers win key by key. */
export function resolveConfig(...layers: ConfigLayer[]): Config {
  const config = defaultConfig();
  for (const layer of layers) {
    if (layer.dateFormat) config.dateFormat = layer.dateFormat;
    if (layer.format) config.format = layer.format;
    // Dictionaries add up across layers, so a team list and a personal list both apply.
    for (const n of layer.names ?? []) if (!config.names.includes(n)) config.names.push(n);
    for (const n of layer.ignoreNames ?? []) if (!config.ignoreNames.includes(n)) config.ignoreNames.push(n);
    for (const e of layer.extensions ?? []) if (!config.extensions.includes(e)) config.extensions.push(e);
    for (const [id, entry] of Object.entries(layer.rules ?? {})) {
      const target = ownValue(config.rules, id);
      if (!target) continue;
      if (entry.severity) target.severity = entry.severity;
      Object.assign(target.options, entry.options ?? {});
    }
  }
  return config;
}

/** Parses `id=severity` from the command line. */
export function parseRuleFlag(flag: string): ReadResult {
  const m = /^([a-z-]+)=([a-z]+)$/.exec(flag.trim());
  if (!m) return { layer: {}, errors: [`--rule expects <id>=<severity>, got "${flag}"`] };
  return readConfig({ rules: { [m[1]]: m[2] } }, '--rule');
}
