import { useCallback, useId, useState } from 'react';
import {
  INSTANCE_TYPES,
  ROLES,
  type EnumParam,
  type InstanceTypeName,
  type ParamSpec,
  type Role,
  type RolesParam,
  type Text,
} from '../../core/model';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { useTopologyStore } from '../../state/topologyStore';
import { Field } from './Field';
import { checkboxClass, describedBy, inputClass, parseNumber, unitLabel } from './fields';
import { useDraft } from './useDraft';

interface ParamFieldProps {
  nodeId: string;
  paramKey: string;
  spec: ParamSpec;
  value: unknown;
}

const ROLE_KEYS: Record<Role, MessageKey> = { web: 'role.web', app: 'role.app', db: 'role.db' };

/** One parameter, with the control its spec calls for, generated from the kind registry. */
export function ParamField({ nodeId, paramKey, spec, value }: ParamFieldProps) {
  switch (spec.type) {
    case 'number':
    case 'string':
      return <TextParam nodeId={nodeId} paramKey={paramKey} spec={spec} value={value} />;
    case 'enum':
      return <EnumField nodeId={nodeId} paramKey={paramKey} spec={spec} value={value} />;
    case 'boolean':
      return <BooleanField nodeId={nodeId} paramKey={paramKey} spec={spec} value={value} />;
    case 'roles':
      return <RolesField nodeId={nodeId} paramKey={paramKey} spec={spec} value={value} />;
  }
}

const testId = (key: string) => `param-${key}`;

function TextParam({ nodeId, paramKey, spec, value }: ParamFieldProps) {
  const t = useT();
  const id = useId();
  const setParam = useTopologyStore((s) => s.setParam);
  const isNumber = spec.type === 'number';
  const commit = useCallback(
    (text: string, mergeKey: string) =>
      setParam(nodeId, paramKey, isNumber ? parseNumber(text) : text, mergeKey),
    [setParam, nodeId, paramKey, isNumber],
  );
  const draft = useDraft(String(value), commit);
  const help = t.text(spec.help);
  const unit = spec.type === 'number' ? unitLabel(t, spec.unit) : undefined;
  return (
    <Field id={id} label={t.text(spec.label)} unit={unit} help={help} error={draft.error}>
      <input
        id={id}
        data-testid={testId(paramKey)}
        className={inputClass}
        type={isNumber ? 'number' : 'text'}
        inputMode={isNumber ? 'decimal' : undefined}
        min={spec.type === 'number' ? spec.min : undefined}
        max={spec.type === 'number' ? spec.max : undefined}
        step={spec.type === 'number' ? (spec.step ?? (spec.integer ? 1 : 'any')) : undefined}
        maxLength={spec.type === 'string' ? spec.maxLength : undefined}
        value={draft.text}
        aria-invalid={draft.error ? true : undefined}
        aria-describedby={describedBy(id, true, !!draft.error)}
        onChange={(e) => draft.onChange(e.target.value)}
        onFocus={draft.onFocus}
        onBlur={draft.onBlur}
      />
    </Field>
  );
}

function optionLabel(t: Translate, spec: EnumParam, option: string): string {
  if (option in INSTANCE_TYPES) {
    const it = INSTANCE_TYPES[option as InstanceTypeName];
    return t('inspector.instanceOption', {
      name: option,
      vcpu: t.num(it.vcpu),
      speed: t.num(it.speed, { minimumFractionDigits: 2 }),
      price: t.usd(it.pricePerHour),
    });
  }
  const label = spec.optionLabels?.[option];
  return label ? t.text(label) : option;
}

function EnumField({ nodeId, paramKey, spec, value }: ParamFieldProps & { spec: EnumParam }) {
  const t = useT();
  const id = useId();
  const setParam = useTopologyStore((s) => s.setParam);
  const current = String(value);
  const instance = current in INSTANCE_TYPES ? INSTANCE_TYPES[current as InstanceTypeName] : null;
  return (
    <Field id={id} label={t.text(spec.label)} help={t.text(spec.help)}>
      <div className="flex w-full min-w-0 flex-col gap-1">
        <select
          id={id}
          data-testid={testId(paramKey)}
          className={inputClass}
          value={current}
          aria-describedby={describedBy(id, true, false)}
          onChange={(e) => setParam(nodeId, paramKey, e.target.value)}
        >
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {optionLabel(t, spec, o)}
            </option>
          ))}
        </select>
        {instance && (
          <span data-testid={`${testId(paramKey)}-detail`} className="text-sm tabular-nums">
            {t('inspector.instanceDetail', {
              vcpu: t.num(instance.vcpu),
              speed: t.num(instance.speed, { minimumFractionDigits: 2 }),
              price: t.usd(instance.pricePerHour),
            })}
          </span>
        )}
      </div>
    </Field>
  );
}

function BooleanField({ nodeId, paramKey, spec, value }: ParamFieldProps) {
  const t = useT();
  const id = useId();
  const setParam = useTopologyStore((s) => s.setParam);
  return (
    <Field id={id} label={t.text(spec.label)} help={t.text(spec.help)} inline>
      <input
        id={id}
        type="checkbox"
        data-testid={testId(paramKey)}
        className={checkboxClass}
        checked={value === true}
        aria-describedby={describedBy(id, true, false)}
        onChange={(e) => setParam(nodeId, paramKey, e.target.checked)}
      />
    </Field>
  );
}

function RolesField({ nodeId, paramKey, spec, value }: ParamFieldProps & { spec: RolesParam }) {
  const t = useT();
  const id = useId();
  const setParam = useTopologyStore((s) => s.setParam);
  // Only an invalid choice (no role ticked) lives here; a valid one goes straight to the model.
  const [invalid, setInvalid] = useState<{ roles: Role[]; error: Text } | null>(null);
  const ticked = new Set<Role>(invalid?.roles ?? (Array.isArray(value) ? (value as Role[]) : []));
  const toggle = (role: Role, on: boolean) => {
    const next = ROLES.filter((r) => (r === role ? on : ticked.has(r)));
    const error = setParam(nodeId, paramKey, next);
    setInvalid(error ? { roles: next, error } : null);
  };
  const error = invalid?.error ?? null;
  return (
    <fieldset
      className="flex flex-col gap-1"
      aria-describedby={describedBy(id, true, !!error)}
      data-testid={testId(paramKey)}
    >
      <legend className="mb-1 text-sm font-medium">{t.text(spec.label)}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {ROLES.map((r) => (
          <label key={r} className="flex items-center gap-1.5 text-[15px]">
            <input
              type="checkbox"
              data-testid={`${testId(paramKey)}-${r}`}
              className={checkboxClass}
              checked={ticked.has(r)}
              aria-describedby={describedBy(id, true, !!error)}
              aria-invalid={error ? true : undefined}
              onChange={(e) => toggle(r, e.target.checked)}
            />
            {t(ROLE_KEYS[r])}
          </label>
        ))}
      </div>
      <p id={`${id}-help`} className="text-xs leading-snug text-muted">
        {t.text(spec.help)}
      </p>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-danger">
          {t.text(error)}
        </p>
      )}
    </fieldset>
  );
}
