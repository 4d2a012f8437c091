/**
 * Parameter specifications: one description per node parameter gives its type, unit, default,
 * bounds and bilingual help. The inspector, the zod schema, the share-link codec and the kernel
 * all read the same spec, so a parameter is declared once.
 * Contract: pure; no DOM, no React.
 */
import { z } from 'zod/mini';
import type { Text } from './text';

export type Unit = 'req/s' | 'ms' | 's' | '%' | 'port' | 'count' | 'users' | 'ratio' | 'x' | 'none';

interface ParamBase {
  label: Text;
  help: Text;
  /** Optional grouping in the inspector (e.g. 'health check'). */
  group?: Text;
}

export interface NumberParam extends ParamBase {
  type: 'number';
  default: number;
  min: number;
  max: number;
  unit: Unit;
  integer?: boolean;
  step?: number;
}

export interface EnumParam<O extends string = string> extends ParamBase {
  type: 'enum';
  options: readonly O[];
  /** Display label per option; the raw value is shown when missing. */
  optionLabels?: Partial<Record<O, Text>>;
  default: O;
}

export interface BooleanParam extends ParamBase {
  type: 'boolean';
  default: boolean;
}

export interface StringParam extends ParamBase {
  type: 'string';
  default: string;
  maxLength: number;
  /** Allowed characters; a message for the user explains a mismatch. */
  pattern?: RegExp;
  patternHelp?: Text;
}

export const ROLES = ['web', 'app', 'db'] as const;
export type Role = (typeof ROLES)[number];

export interface RolesParam extends ParamBase {
  type: 'roles';
  default: readonly Role[];
}

export type ParamSpec = NumberParam | EnumParam | BooleanParam | StringParam | RolesParam;
export type ParamSpecs = Record<string, ParamSpec>;

/** The value type a spec describes. */
export type ValueOf<S> = S extends NumberParam
  ? number
  : S extends EnumParam<infer O>
    ? O
    : S extends BooleanParam
      ? boolean
      : S extends StringParam
        ? string
        : S extends RolesParam
          ? Role[]
          : never;

export type ParamValues<P extends ParamSpecs> = { [K in keyof P]: ValueOf<P[K]> };

/** Bounds shared by every number anywhere in a topology: finite and not absurd. */
export const MAX_ABS_NUMBER = 1e9;

/** The zod schema of one parameter's value (no default applied). */
export function paramValueSchema(spec: ParamSpec): z.ZodMiniType {
  switch (spec.type) {
    case 'number': {
      const range = [z.gte(spec.min), z.lte(spec.max)] as const;
      return spec.integer ? z.int().check(...range) : z.number().check(...range);
    }
    case 'enum':
      return z.enum(spec.options as [string, ...string[]]);
    case 'boolean':
      return z.boolean();
    case 'string': {
      const max = z.maxLength(spec.maxLength);
      return z.string().check(...(spec.pattern ? [max, z.regex(spec.pattern)] : [max]));
    }
    case 'roles':
      return z.array(z.enum(ROLES)).check(
        z.minLength(1),
        z.maxLength(ROLES.length),
        z.refine((r) => new Set(r).size === r.length, { message: 'roles must not repeat' }),
      );
  }
}

/** A strict object schema for a kind's params: missing values take their defaults. */
export function paramsSchema(specs: ParamSpecs) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const def = spec.type === 'roles' ? [...spec.default] : spec.default;
    shape[key] = z._default(paramValueSchema(spec), def);
  }
  return z.strictObject(shape);
}

/** Default values of every parameter (fresh arrays, safe to mutate). */
export function defaultParams<P extends ParamSpecs>(specs: P): ParamValues<P> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    out[key] = spec.type === 'roles' ? [...spec.default] : spec.default;
  }
  return out as ParamValues<P>;
}

export type ParamCheck = { ok: true; value: unknown } | { ok: false; message: Text };

/**
 * Validates one user-entered value against its spec, with a message for the inspector.
 * @example checkParam(spec, 0).ok === false // when spec.min is 1
 */
export function checkParam(spec: ParamSpec, value: unknown): ParamCheck {
  switch (spec.type) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return { ok: false, message: { en: 'Enter a number', ko: '숫자를 입력하세요' } };
      if (spec.integer && !Number.isInteger(value))
        return { ok: false, message: { en: 'Enter a whole number', ko: '정수를 입력하세요' } };
      if (value < spec.min)
        return {
          ok: false,
          message: { en: `Must be at least ${spec.min}`, ko: `${spec.min} 이상이어야 합니다` },
        };
      if (value > spec.max)
        return {
          ok: false,
          message: { en: `Must be at most ${spec.max}`, ko: `${spec.max} 이하여야 합니다` },
        };
      return { ok: true, value };
    }
    case 'enum':
      return typeof value === 'string' && spec.options.includes(value)
        ? { ok: true, value }
        : { ok: false, message: { en: 'Choose one of the options', ko: '목록에서 고르세요' } };
    case 'boolean':
      return typeof value === 'boolean'
        ? { ok: true, value }
        : { ok: false, message: { en: 'Must be on or off', ko: '켜기/끄기 중 하나여야 합니다' } };
    case 'string':
      if (typeof value !== 'string')
        return { ok: false, message: { en: 'Enter text', ko: '글자를 입력하세요' } };
      if (value.length > spec.maxLength)
        return {
          ok: false,
          message: {
            en: `At most ${spec.maxLength} characters`,
            ko: `${spec.maxLength}자 이하여야 합니다`,
          },
        };
      if (spec.pattern && !spec.pattern.test(value))
        return {
          ok: false,
          message: spec.patternHelp ?? { en: 'Not allowed here', ko: '허용되지 않는 값입니다' },
        };
      return { ok: true, value };
    case 'roles':
      if (
        !Array.isArray(value) ||
        value.length === 0 ||
        !value.every((r) => (ROLES as readonly unknown[]).includes(r)) ||
        new Set(value).size !== value.length
      )
        return {
          ok: false,
          message: { en: 'Pick at least one role', ko: '역할을 하나 이상 고르세요' },
        };
      return { ok: true, value: [...value] };
  }
}
