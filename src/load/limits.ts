// The loader's limits: how much hostile or accidental input it accepts before
// it stops with a 'limit' problem. Defaults fit the largest real config (a
// few thousand YAML files, rate decks of a million rates) with room to spare.

export interface LoadLimits {
  /** YAML files below the root; more is refused before anything is read. */
  maxFiles: number;
  /** Bytes of one YAML file. */
  maxYamlBytes: number;
  /**
   * Line breaks and commas of one YAML file: a bound on its values, read
   * before parsing. The YAML parser needs about 1-3 KB of memory per value,
   * so a file of a few MB of tiny values (`[1,1,1,...]`) would exhaust the
   * heap long before the byte limit.
   */
  maxYamlItems: number;
  /** Bytes of one rates CSV. */
  maxCsvBytes: number;
  /** Nodes produced by expanding aliases in one document (billion laughs). */
  maxAliasNodes: number;
  /** Nesting of mappings and sequences in one document. */
  maxDepth: number;
  /** Problems reported per CSV file before one summary problem. */
  maxProblemsPerFile: number;
}

export const DEFAULT_LIMITS: Readonly<LoadLimits> = Object.freeze({
  maxFiles: 10_000,
  maxYamlBytes: 64 * 1024 * 1024,
  maxYamlItems: 500_000,
  maxCsvBytes: 512 * 1024 * 1024,
  maxAliasNodes: 10_000,
  maxDepth: 64,
  maxProblemsPerFile: 100,
});

export function withDefaults(limits?: Partial<LoadLimits>): LoadLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}
