/**
 * Renders the kind reference (every kind, its links and parameters) as Markdown, so
 * `docs/kinds.md` is generated from the registry and never drifts from it.
 * Contract: pure; no DOM, no Node APIs.
 */
import { INSTANCE_TYPES, INSTANCE_TYPE_NAMES } from './instanceTypes';
import { KINDS, KIND_IDS } from './kinds';
import type { ParamSpec } from './params';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function range(spec: ParamSpec): string {
  switch (spec.type) {
    case 'number':
      return `${spec.min} – ${spec.max}${spec.integer ? ', integer' : ''}`;
    case 'enum':
      return spec.options.map((o) => `\`${o}\``).join(', ');
    case 'boolean':
      return '`true`, `false`';
    case 'string':
      return `text, ≤ ${spec.maxLength} chars`;
    case 'roles':
      return 'non-empty subset of `web`, `app`, `db`';
  }
}

const fmtDefault = (spec: ParamSpec) =>
  `\`${JSON.stringify(spec.type === 'roles' ? [...spec.default] : spec.default)}\``;

/** The Markdown of docs/kinds.md. */
export function kindsMarkdown(): string {
  const out: string[] = [
    '# Node kinds and parameters',
    '',
    'Generated from the kind registry (`src/core/model/kinds/`) by `npm run schema`; do not edit by hand.',
    'Every parameter may be omitted in a topology file: it then takes its default.',
    '',
  ];
  for (const kind of KIND_IDS) {
    const def = KINDS[kind];
    out.push(`## \`${kind}\` — ${def.label.en} (${def.label.ko})`, '', def.description.en, '');
    out.push(
      `May call: ${def.linksTo.length ? def.linksTo.map((k) => `\`${k}\``).join(', ') : 'nothing'}.` +
        ` Ids default to \`${def.idPrefix}-N\`.`,
      '',
    );
    out.push('| parameter | unit | default | allowed | meaning |', '|---|---|---|---|---|');
    for (const [key, spec] of Object.entries(def.params)) {
      const unit = spec.type === 'number' ? spec.unit : '';
      out.push(
        `| \`${key}\` | ${unit} | ${fmtDefault(spec)} | ${cell(range(spec))} | ${cell(spec.label.en)}: ${cell(spec.help.en)} |`,
      );
    }
    out.push('');
  }
  out.push(
    '## Instance types',
    '',
    '| type | vCPU | core speed (m5 = 1) | $/hour |',
    '|---|---|---|---|',
  );
  for (const name of INSTANCE_TYPE_NAMES) {
    const it = INSTANCE_TYPES[name];
    out.push(`| \`${name}\` | ${it.vcpu} | ${it.speed} | ${it.pricePerHour} |`);
  }
  out.push('');
  return out.join('\n');
}
