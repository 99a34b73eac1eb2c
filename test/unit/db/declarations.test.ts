import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entityModules } from '#shared/db/catalogue.ts';
import { accountPartition } from '#shared/db/partitions.ts';
import { dataModelSection, markers } from '#local/data-docs.ts';

const entities = entityModules.flatMap((m) => m.entities);

describe('entity declarations', () => {
  it('are what README.md shows: npm run docs:data writes the same section', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf(markers.begin), readme.indexOf(markers.end) + markers.end.length);
    expect(section).toBe(dataModelSection());
  });

  it('give every kind once', () => {
    const kinds = entities.map((e) => e.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('keep every record beside an account under a prefix of its own, listed in partitions.ts', () => {
    const prefixes = Object.values(accountPartition.prefixes);
    // No prefix starts another, so a begins_with on one never reaches another's records.
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(b.startsWith(a), `${b} starts with ${a}`).toBe(false);
    const sortKeys = entities.flatMap((e) => [
      ...(e.keys.pk === accountPartition.pk ? [e.keys.sk] : []),
      ...(e.history !== undefined && (e.history.pk ?? e.keys.pk) === accountPartition.pk ? [e.history.sk] : []),
    ]);
    const owners = sortKeys.map((sk) => prefixes.filter((p) => sk.startsWith(p)));
    expect(owners.every((o) => o.length === 1), JSON.stringify(sortKeys)).toBe(true);
    // Each prefix is taken by exactly one record type.
    expect(owners.map((o) => o[0]).sort()).toEqual([...prefixes].sort());
  });
});
