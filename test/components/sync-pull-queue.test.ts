/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { db, getMeta, setMeta } from '../../client/data/db.ts';
import { pullNow } from '../../client/data/sync.ts';
import { until } from '../helpers/until.ts';

/** A server whose answers wait until the test releases them, one by one. */
const realFetch = window.fetch;
let asked: string[] = [];
let background: boolean[] = [];
let release: Array<() => void> = [];
let version = 10;

describe('pullNow: no request is lost, none is doubled', () => {
  beforeEach(async () => {
    for (const table of db.tables) await table.clear();
    await setMeta('cursor', 10);
    asked = [];
    background = [];
    release = [];
    version = 10;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      asked.push(String(input));
      background.push((init?.headers as Record<string, string> | undefined)?.['x-portee-background'] === '1');
      const cursor = ++version;
      return new Promise<Response>((resolve) => release.push(() => resolve(Response.json({ cursor, snapshot: false, changes: {}, deleted: {} }))));
    }) as typeof fetch;
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('requests made while a pull runs queue exactly one more, which starts from the newest cursor', async () => {
    const first = pullNow();
    await until(() => asked.length === 1);
    const second = pullNow();
    const third = pullNow();
    expect(third).to.equal(second, 'a request joins the pull already waiting');
    release.shift()!();
    expect(await first).to.equal(true);
    await until(() => asked.length === 2);
    expect(asked[1]).to.equal('/api/sync?cursor=11', 'the queued pull read the cursor the first one stored');
    release.shift()!();
    expect(await second).to.equal(true);
    expect(await getMeta<number>('cursor')).to.equal(12);
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).to.have.length(2, 'nothing more was asked');
  });

  it('a request made just as a pull ends is still served (it used to be dropped while the lock was released)', async () => {
    const first = pullNow();
    await until(() => asked.length === 1);
    release.shift()!();
    // Asked in the same turn the first pull settles: before, the lock was still held and the request was skipped.
    const late = first.then(() => pullNow());
    await until(() => asked.length === 2);
    release.shift()!();
    expect(await late).to.equal(true);
    expect(await getMeta<number>('cursor')).to.equal(12);
  });

  it('the timer’s pull that someone joins in person becomes theirs (it extends the session)', async () => {
    const first = pullNow({ background: true });
    await until(() => asked.length === 1);
    const timer = pullNow({ background: true });
    const person = pullNow();
    expect(person).to.equal(timer);
    release.shift()!();
    await first;
    await until(() => asked.length === 2);
    release.shift()!();
    await person;
    expect(background).to.deep.equal([true, false]);
  });
});
