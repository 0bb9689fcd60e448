import type { QueryArgs, QueryName } from './named-queries.ts';

/** The page asks the data worker, over the queries' port, to watch or stop watching a named query. */
export type QueryAsk =
  | { kind: 'watch'; id: number; name: QueryName; args: QueryArgs<QueryName> }
  | { kind: 'unwatch'; id: number };

/** A watched query's result (undefined before the first pull) or its failure, as data. */
export type QueryAnswer = { id: number } & ({ kind: 'value'; value: unknown } | { kind: 'error'; message: string });
