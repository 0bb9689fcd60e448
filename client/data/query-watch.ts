import { dequal } from 'dequal';
import { liveQuery } from 'dexie';
import { db } from './db.ts';
import { namedQueries, type QueryArgs, type QueryName, type QueryResult } from './named-queries.ts';
import { firstPullLanded } from './sync-landed.ts';

/**
 * Runs one named query as a live query, where the data lives: in the data worker, or on the page
 * where there is none (client/data/query-client.ts). `onValue` receives undefined until the
 * device's first pull has landed (an empty database is not the family's data), then each result
 * that differs from the last one: every pull writes the cursor, and one family's edit moves it for
 * all, so nearly every pull re-runs every query for nothing; equal results are not sent again.
 * The re-run itself stays: it is also what catches up with another tab's commit whose notice
 * never came (docs/performance.md, "Tried and reverted").
 *
 * One read transaction over every table: the cursor and the rows come from the same moment (the
 * pull writes them together), and a query that reads six tables opens one transaction, not seven.
 */
export function watchQuery<N extends QueryName>(
  name: N,
  args: QueryArgs<N>,
  onValue: (value: QueryResult<N> | undefined) => void,
  onError: (message: string) => void,
): () => void {
  const query = namedQueries[name] as (...a: QueryArgs<N>) => Promise<QueryResult<N>>;
  let sent = false;
  let last: QueryResult<N> | undefined;
  const subscription = liveQuery(() =>
    db.transaction('r', db.tables, async () => ((await firstPullLanded()) ? { value: await query(...args) } : null)),
  ).subscribe({
    next: (result) => {
      const value = result?.value;
      if (sent && dequal(value, last)) return;
      sent = true;
      last = value;
      onValue(value);
    },
    error: (error: unknown) => {
      sent = false;
      onError(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    },
  });
  return () => subscription.unsubscribe();
}
