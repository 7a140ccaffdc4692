import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

interface Plan {
  table: string;
  columns: ColumnMetadata[];
  sqlRow: string;
  generatedKey: ColumnMetadata | undefined;
}

const plans = new WeakMap<object, Plan>();

/**
 * One multi-row INSERT of new entities, the statement planned once per entity class: the hot paths
 * (registration, every timeline entry, new clocks) spend more CPU in TypeORM's insert builder than in
 * the database. Values go through the columns' transformers and simple-json like TypeORM's own;
 * an undefined value takes the column's declared default, a version column starts at 1. Columns
 * TypeORM would not insert (insert: false, create/update dates, generated keys) are left to the
 * database. The generated keys are written back to the entities: InnoDB gives a multi-row "simple
 * insert" consecutive values in every auto-increment lock mode, starting at the OK packet's insertId.
 */
export async function insertRows<T extends ObjectLiteral, R extends Partial<T>>(
  m: EntityManager,
  target: EntityTarget<T>,
  rows: R[],
): Promise<R[]> {
  if (!rows.length) return rows;
  const meta = m.connection.getMetadata(target);
  let plan = plans.get(meta);
  if (!plan) {
    const columns = meta.columns.filter(
      (c) => c.isInsert && !c.isGenerated && !c.isCreateDate && !c.isUpdateDate && !c.isVirtual,
    );
    plan = {
      table: meta.tableName,
      columns,
      sqlRow: `(${columns.map(() => '?').join(',')})`,
      generatedKey: meta.columns.find((c) => c.isGenerated && c.generationStrategy === 'increment'),
    };
    plans.set(meta, plan);
  }
  const p = plan;
  const values: unknown[] = [];
  for (const row of rows) for (const c of p.columns) values.push(toDb(c, c.getEntityValue(row)));
  const res: { insertId: number | string } = await m.query(
    `INSERT INTO \`${p.table}\` (${p.columns.map((c) => `\`${c.databaseName}\``).join(',')}) VALUES ${rows.map(() => p.sqlRow).join(',')}`,
    values,
  );
  if (p.generatedKey) {
    const first = BigInt(res.insertId);
    const numeric = p.generatedKey.type !== 'bigint'; // bigint keys are strings (bigNumberStrings)
    rows.forEach((row, i) => {
      const id = first + BigInt(i);
      p.generatedKey!.setEntityValue(row, numeric ? Number(id) : String(id));
    });
  }
  for (const row of rows)
    for (const c of p.columns) if (c.isVersion && c.getEntityValue(row) == null) c.setEntityValue(row, 1);
  return rows;
}

function toDb(c: ColumnMetadata, value: unknown): unknown {
  if (value === undefined) {
    if (c.isVersion) return 1;
    const d = c.default;
    value = typeof d === 'function' ? undefined : d;
  }
  if (c.transformer) {
    const list = Array.isArray(c.transformer) ? c.transformer : [c.transformer];
    for (const t of list) value = t.to(value);
  }
  if (value === undefined) return null;
  if (c.type === 'simple-json') return value === null ? null : JSON.stringify(value);
  if (c.type === 'simple-array') return value === null ? null : (value as unknown[]).join(',');
  return value;
}
