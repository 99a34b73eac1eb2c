import { entityModules, otherRecords } from '#shared/db/catalogue.ts';
import { type EntityDoc, type Pattern, patternPk } from '#shared/db/entity.ts';

/** README.md's data-model tables, between these markers, come from the entity declarations. */
export const markers = { begin: '<!-- data-model:begin (npm run docs:data) -->', end: '<!-- data-model:end -->' } as const;

const code = (template: string) => `\`${template.replaceAll('|', '\\|')}\``;
const cell = (text: string) => text.replaceAll('|', '\\|');

const keyRow = (module: string, e: EntityDoc): string => {
  const index = (name: 'gsi1' | 'gsi2' | 'gsi3' | 'gsi4') => {
    const spec = e.keys[name];
    return spec === undefined ? '' : `${code(spec.pk)} / ${code(spec.sk)}${spec.note === undefined ? '' : ` (${cell(spec.note)})`}`;
  };
  const pk = e.history?.pk === undefined ? code(e.keys.pk) : `${code(e.keys.pk)} / ${code(e.history.pk)}`;
  const sk = e.history === undefined ? code(e.keys.sk) : `${code(e.keys.sk)} / ${code(e.history.sk)}`;
  return `| ${cell(e.label)} | \`${e.kind}\` | ${pk} | ${sk} | ${index('gsi1')} | ${index('gsi2')} | ${index('gsi3')} | ${index('gsi4')} | [${module}](shared/db/${module}.ts) |`;
};

const condition = (e: EntityDoc, p: Pattern): string =>
  [`Query ${p.index === undefined ? '' : `${p.index} `}${code(patternPk(e, p))}`, ...(p.sk === undefined ? [] : [`sk begins ${code(p.sk)}`]), ...(p.newestFirst === true ? ['newest first'] : [])].join(', ');

/** The generated section, markers included. */
export const dataModelSection = (): string => {
  const keys = entityModules.flatMap(({ module, entities }) => entities.map((e) => keyRow(module, e)));
  const others = otherRecords.map((r) => `| ${r.label} | | ${code(r.pk)} | ${code(r.sk)} | | | | | ${r.module} |`);
  let n = 0;
  const patterns = entityModules.flatMap(({ module, entities }) =>
    entities.flatMap((e) => Object.entries(e.patterns ?? {}).flatMap(([name, p]) => p === undefined ? [] : [ `| ${++n} | ${cell(p.doc)} | ${condition(e, p)} | [\`${e.kind}.${name}\`](shared/db/${module}.ts) |`])),
  );
  return [
    markers.begin,
    '',
    'Generated from the entity declarations in `shared/db/` (`npm run docs:data`; a test fails when this differs).',
    'Holes `<field>` are filled from the record; a version in a key is zero-padded to 8 digits.',
    '',
    '| entity | kind | pk | sk | gsi1 (pk / sk) | gsi2 (pk / sk) | gsi3 (pk / sk) | gsi4 (pk / sk) | module |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...keys,
    ...others,
    '',
    '### Access patterns',
    '',
    'Every one is a keyed `Get` (each entity by its full key, as above) or one of these `Query`s; nothing in a request path scans.',
    'A range ([from, to], before a day, up to a day) narrows the sort key after the prefix; filters are noted in the question.',
    '',
    '| # | question | key condition | entity.pattern |',
    '| --- | --- | --- | --- |',
    ...patterns,
    '',
    markers.end,
  ].join('\n');
};

/** `readme` with its section replaced by the generated one. */
export const withDataModel = (readme: string): string => {
  const begin = readme.indexOf(markers.begin);
  const end = readme.indexOf(markers.end);
  if (begin < 0 || end < begin) throw new Error(`README.md has no ${markers.begin} … ${markers.end} section`);
  return readme.slice(0, begin) + dataModelSection() + readme.slice(end + markers.end.length);
};
