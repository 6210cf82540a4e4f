/**
 * Where the user's `pressRelease` settings come from. Clients with the `workspace.configuration` capability
 * are asked per document; others (Neovim, Helix, Emacs) push them with `workspace/didChangeConfiguration`.
 * A client that never answers must not stall the server: after CONFIGURATION_TIMEOUT_MS the document is
 * linted with the defaults, and the server stops asking until the client answers the request it left open.
 */
import type { Connection } from 'vscode-languageserver/node';
import { describeError } from './errors';

export const SECTION = 'pressRelease';
/** Long enough for a busy editor to answer, short enough that a silent one does not look broken. */
export const CONFIGURATION_TIMEOUT_MS = 2000;

export interface SettingsAnswer {
  /** The `pressRelease` section, or undefined for the defaults. */
  settings: unknown;
  /** Why the settings could not be read, worth a message to the user. */
  error?: string;
}

export class ClientSettings {
  private pushed: unknown = undefined;
  /** Whether the client answers `workspace/configuration`; known from `initialize` on. */
  private canPull = false;
  /** True while a timed-out request is still unanswered: asking again would only wait again. */
  private stalled = false;

  constructor(
    private readonly connection: Connection,
    private readonly log: (line: string) => void,
    /** Called when a client that timed out answers after all, so that documents can be linted again. */
    private readonly onRecovered: () => void,
  ) {}

  /** Says, at `initialize`, whether settings are pulled from the client or wait to be pushed. */
  setPullable(canPull: boolean): void {
    this.canPull = canPull;
  }

  /** Takes the settings of a `didChangeConfiguration` notification; pulling clients' pushes are ignored. */
  push(params: unknown): void {
    if (this.canPull) return;
    const settings = (params as { settings?: unknown } | undefined)?.settings;
    const all = typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>) : {};
    this.pushed = all[SECTION];
  }

  /** The `pressRelease` section for a resource, or another section, such as `files`, that the index reads. */
  async forResource(uri: string, section = SECTION): Promise<SettingsAnswer> {
    // Pushed settings hold only the `pressRelease` section; other sections are the editor's, and unknown here.
    if (!this.canPull) return { settings: section === SECTION ? this.pushed : undefined };
    if (this.stalled) return { settings: undefined };
    // The client may send anything; the config reader validates it, so it is taken as unknown.
    const request: Promise<unknown> = this.connection.workspace.getConfiguration({ scopeUri: uri, section });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), CONFIGURATION_TIMEOUT_MS);
    });
    try {
      const answer = await Promise.race([request, timeout]);
      if (answer !== 'timeout') return { settings: answer };
    } catch (e) {
      return { settings: undefined, error: `could not read settings (${describeError(e)})` };
    } finally {
      clearTimeout(timer);
    }
    if (!this.stalled) {
      this.log(
        `The client did not answer workspace/configuration within ${CONFIGURATION_TIMEOUT_MS / 1000} s; ` +
          'using the default settings (a .pressreleaserc.json still applies).',
      );
    }
    this.stalled = true;
    const recover = () => {
      if (!this.stalled) return;
      this.stalled = false;
      this.onRecovered();
    };
    request.then(recover, recover);
    return { settings: undefined };
  }
}
