import { GroupCommit, Settled } from './group-commit';

/** A flush the test releases by hand, recording the batches it was given. */
function gate<I>() {
  const batches: I[][] = [];
  const release: (() => void)[] = [];
  const flush = async (items: I[]): Promise<Settled<string>[]> => {
    batches.push(items);
    await new Promise<void>((r) => release.push(r));
    return items.map((i) =>
      String(i).startsWith('bad')
        ? { ok: false, error: new Error(`refused ${String(i)}`) }
        : { ok: true, value: `done ${String(i)}` },
    );
  };
  return { batches, release, flush };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('GroupCommit', () => {
  it('flushes a lone item at once and gathers the items that arrive meanwhile into the next flush', async () => {
    const g = gate<string>();
    const gc = new GroupCommit(g.flush, { maxBatch: 10 });
    const first = gc.submit('a');
    await tick();
    expect(g.batches).toEqual([['a']]);
    const rest = ['b', 'c', 'd'].map((x) => gc.submit(x));
    await tick();
    expect(g.batches).toHaveLength(1); // still writing 'a'
    expect(gc.waiting).toBe(3);
    g.release.shift()!();
    await expect(first).resolves.toBe('done a');
    await tick();
    expect(g.batches[1]).toEqual(['b', 'c', 'd']);
    g.release.shift()!();
    await expect(Promise.all(rest)).resolves.toEqual(['done b', 'done c', 'done d']);
  });

  it('caps a flush at maxBatch and keeps arrival order', async () => {
    const g = gate<number>();
    const gc = new GroupCommit(g.flush, { maxBatch: 2 });
    const all = [1, 2, 3, 4, 5].map((x) => gc.submit(x));
    for (let i = 0; i < 4; i++) {
      await tick();
      g.release.shift()?.();
    }
    await Promise.all(all);
    expect(g.batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('runs up to maxInFlight flushes at once', async () => {
    const g = gate<number>();
    const gc = new GroupCommit(g.flush, { maxBatch: 1, maxInFlight: 2 });
    const all = [1, 2, 3].map((x) => gc.submit(x));
    await tick();
    expect(g.batches).toEqual([[1], [2]]);
    g.release.shift()!();
    await tick();
    await tick();
    expect(g.batches).toEqual([[1], [2], [3]]);
    g.release.splice(0).forEach((r) => r());
    await expect(Promise.all(all)).resolves.toEqual(['done 1', 'done 2', 'done 3']);
  });

  it('never puts two items with the same key into one flush; the later one waits for the next', async () => {
    const g = gate<string>();
    const gc = new GroupCommit(g.flush, { maxBatch: 10, key: (s) => (s.includes(':') ? s.split(':')[0]! : null) });
    const first = gc.submit('x');
    await tick();
    const rest = ['p:1', 'q:1', 'p:2', 'y', 'p:3'].map((s) => gc.submit(s));
    g.release.shift()!();
    await first;
    await tick();
    expect(g.batches[1]).toEqual(['p:1', 'q:1', 'y']);
    g.release.shift()!();
    await tick();
    await tick();
    expect(g.batches[2]).toEqual(['p:2']);
    g.release.shift()!();
    await tick();
    await tick();
    expect(g.batches[3]).toEqual(['p:3']);
    g.release.shift()!();
    await expect(Promise.all(rest)).resolves.toHaveLength(5);
  });

  it('with several flushes at once, holds an item back while its key is in a running flush', async () => {
    const g = gate<string>();
    const gc = new GroupCommit(g.flush, {
      maxBatch: 10,
      maxInFlight: 2,
      key: (s) => (s.includes(':') ? s.split(':')[0]! : null),
    });
    const first = gc.submit('p:1');
    await tick();
    const rest = ['p:2', 'q:1'].map((s) => gc.submit(s));
    await tick();
    expect(g.batches).toEqual([['p:1'], ['q:1']]); // p:2 waits although a flush slot is free
    g.release.shift()!(); // p:1 done
    await first;
    await tick();
    await tick();
    expect(g.batches[2]).toEqual(['p:2']);
    g.release.splice(0).forEach((r) => r());
    await expect(Promise.all(rest)).resolves.toEqual(['done p:2', 'done q:1']);
  });

  it('gives each item its own outcome, and every item the error of a flush that throws', async () => {
    const g = gate<string>();
    const gc = new GroupCommit(g.flush, { maxBatch: 10 });
    const lone = gc.submit('w');
    await tick();
    const good = gc.submit('ok');
    const bad = gc.submit('bad1');
    g.release.shift()!();
    await lone;
    await tick();
    g.release.shift()!();
    await expect(good).resolves.toBe('done ok');
    await expect(bad).rejects.toThrow('refused bad1');

    const failing = new GroupCommit<number, number>(
      async () => {
        throw new Error('database gone');
      },
      { maxBatch: 5 },
    );
    const both = [failing.submit(1), failing.submit(2)];
    await expect(both[0]).rejects.toThrow('database gone');
    await expect(both[1]).rejects.toThrow('database gone');
    // and it keeps working afterwards
    const wrongCount = new GroupCommit<number, number>(async () => [], { maxBatch: 5 });
    await expect(wrongCount.submit(1)).rejects.toThrow('returned 0 results for 1 items');
  });
});
