/** Source URLs: validation and the facts that hover shows about them. */
import { clip } from './text';

/** Returns why `url` is not a usable Source URL, or undefined when it is one. */
export function sourceUrlProblem(url: string): string | undefined {
  if (url.length === 0) return 'Source has no URL';
  const shown = clip(url);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) return `Source "${shown}" is not an absolute URL`;
  if (/\s/.test(url)) return `Source URL "${shown}" contains spaces`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `Source "${shown}" is not a valid URL`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `Source URL "${shown}" is not http(s)`;
  // WHATWG parsing repairs `https:///x` into host "x", so the raw text is checked for an authority too.
  if (!parsed.hostname || !/^\/\/[^/\\?#]/.test(url.slice(parsed.protocol.length)))
    return `Source URL "${shown}" has an empty host`;
  return undefined;
}

export interface SourceUrlFacts {
  host: string;
  /** The agency segment: what follows `entities/` on gov.kz-style paths, else the first path segment. */
  agency?: string | undefined;
  /** The trailing numeric id of the news item. */
  newsId?: string | undefined;
}

export function describeSourceUrl(url: string): SourceUrlFacts | undefined {
  if (sourceUrlProblem(url)) return undefined;
  const parsed = new URL(url);
  const segments = parsed.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map(safeDecode);
  const entities = segments.indexOf('entities');
  const agency =
    entities >= 0 && entities + 1 < segments.length
      ? segments[entities + 1]
      : segments.length > 1
        ? segments[0]
        : undefined;
  const idMatch =
    /(\d+)\/?$/.exec(parsed.pathname) ?? /(?:^|[?&])(?:id|news_id|newsId)=(\d+)/.exec(parsed.search.slice(1));
  return { host: parsed.hostname, agency, newsId: idMatch?.[1] };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The key under which two Source URLs count as the same, ignoring scheme, case of host and a trailing slash. */
export function sourceKey(url: string): string {
  return url
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^([^/]*)/, (h) => h.toLowerCase())
    .replace(/\/+$/, '');
}
