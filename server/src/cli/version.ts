/** The version the CLI tells: the package's, set by the bundler, or `dev` when run unbundled (in tests of modules). */
declare const PACKAGE_VERSION: string;

export function cliVersion(): string {
  return typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'dev';
}
