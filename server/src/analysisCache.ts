/**
 * One analysis per document version. Each open document keeps an Analyzer, which reuses the findings and
 * name scans of releases whose text did not change, and the analysis of its current version, which
 * diagnostics and every feature share.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, type Analysis, type Config, type OnError } from './core/index';

interface CachedAnalysis {
  version: number;
  /** The config the analysis was made with; a re-read config is a new object, so identity tells a change. */
  config: Config;
  analysis: Analysis;
}

export class AnalysisCache {
  private readonly analyzers = new Map<string, Analyzer>();
  private readonly analyses = new Map<string, CachedAnalysis>();

  constructor(private readonly onRuleError: OnError) {}

  /** The analysis of the document's current text under `config`, computed once per version and config. */
  analysisOf(doc: TextDocument, config: Config): Analysis {
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.version === doc.version && cached.config === config) return cached.analysis;
    let analyzer = this.analyzers.get(doc.uri);
    if (!analyzer) {
      analyzer = new Analyzer(this.onRuleError);
      this.analyzers.set(doc.uri, analyzer);
    }
    const analysis = analyzer.analyze(doc.getText(), { config });
    this.analyses.set(doc.uri, { version: doc.version, config, analysis });
    return analysis;
  }

  /** Drops what a closed document kept: its analyzer would otherwise hold every release it ever saw. */
  forget(uri: string): void {
    this.analyses.delete(uri);
    this.analyzers.delete(uri);
  }
}
