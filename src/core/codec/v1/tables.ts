/**
 * The frozen constants of share-link format v1: kind codes, every kind's parameters in order with
 * their defaults and enum options, id prefixes, event codes and the coordinate grid.
 *
 * NEVER CHANGE THIS FILE once a v1 link exists in the wild: a v1 link omits every parameter equal
 * to the default written here and names options by their position here, so editing a default, an
 * order or an option list silently changes what old links mean. When the kind registry changes,
 * add format v2 with its own tables and a named migration from v1 (see ../migrations.ts); a unit
 * test fails until the current format's tables describe the registry exactly.
 * Contract: pure data.
 */

export type ParamEntry =
  | readonly [key: string, type: 'number', defaultValue: number]
  | readonly [key: string, type: 'boolean', defaultValue: boolean]
  | readonly [key: string, type: 'string', defaultValue: string]
  | readonly [key: string, type: 'enum', defaultValue: string, options: readonly string[]]
  | readonly [key: string, type: 'roles', defaultValue: readonly string[]];

export interface KindEntry {
  kind: string;
  /** Prefix of the kind's generated ids (`server-3`), the start of the compact id sequence. */
  prefix: string;
  params: readonly ParamEntry[];
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The `format` field of the topology a v1 link unpacks to. */
export const V1_FORMAT_NAME = 'scale-out-lab/topology';
/** Node positions are stored divided by this (rounded): a 10 px grid. */
export const V1_GRID = 10;
export const V1_LINK_PREFIX = 'link';
export const V1_DEFAULT_SEED = 1;
/** Roles are stored as the digits of their 1-based positions here, in order: web+app = 12. */
export const V1_ROLES = deepFreeze(['web', 'app', 'db'] as const);
export const V1_AZS = deepFreeze(['a', 'b', 'c'] as const);
export const V1_EVENT_TYPES = deepFreeze([
  'kill',
  'restore',
  'slow',
  'cutLink',
  'restoreLink',
  'loseAz',
  'restoreAz',
  'setRate',
] as const);

const INSTANCE_TYPES = [
  't3.micro',
  't3.medium',
  'm5.large',
  'm5.xlarge',
  'm5.2xlarge',
  'm5.4xlarge',
  'm5.8xlarge',
  'c5.large',
  'c5.xlarge',
  'c5.2xlarge',
  'c5.4xlarge',
  'r5.large',
  'r5.xlarge',
  'r5.2xlarge',
];
const SG_SOURCES = ['anywhere', 'lb', 'vpc', 'my-ip'];

const machine = (defaultType: string): ParamEntry[] => [
  ['instanceType', 'enum', defaultType, INSTANCE_TYPES],
  ['az', 'enum', 'a', ['a', 'b', 'c']],
  ['bootSec', 'number', 45],
  ['listenPort', 'number', 80],
  ['answersPaths', 'string', '/ /index.html'],
  ['sgPort', 'number', 80],
  ['sgSource', 'enum', 'anywhere', SG_SOURCES],
];
const roleDemand: ParamEntry[] = [
  ['webDemandMs', 'number', 1],
  ['appDemandMs', 'number', 10],
  ['dbReadDemandMs', 'number', 4],
  ['dbWriteDemandMs', 'number', 8],
];
const queue: ParamEntry[] = [
  ['demandCv', 'number', 1],
  ['queueLimit', 'number', 1000],
];

/** Kind code = position in this list. */
export const V1_KINDS: readonly KindEntry[] = deepFreeze([
  {
    kind: 'users',
    prefix: 'users',
    params: [
      ['rate', 'number', 100],
      ['pattern', 'enum', 'constant', ['constant', 'ramp', 'step', 'spike', 'diurnal']],
      ['peakRate', 'number', 200],
      ['startSec', 'number', 60],
      ['durationSec', 'number', 300],
      ['readRatio', 'number', 0.9],
      ['distinctUsers', 'number', 10000],
      ['cohorts', 'number', 20],
      ['hotUserShare', 'number', 0],
      ['timeoutMs', 'number', 10000],
      ['retries', 'number', 0],
      ['backoffMs', 'number', 100],
      ['retryBudget', 'boolean', false],
      ['retryBudgetPct', 'number', 10],
    ],
  },
  {
    kind: 'dns',
    prefix: 'dns',
    params: [
      ['ttlSec', 'number', 60],
      ['policy', 'enum', 'round_robin', ['round_robin', 'weighted']],
      ['jitterPct', 'number', 10],
    ],
  },
  {
    kind: 'lb',
    prefix: 'lb',
    params: [
      ['listenerPort', 'number', 80],
      ['targetPort', 'number', 80],
      [
        'algorithm',
        'enum',
        'round_robin',
        ['round_robin', 'random', 'least_outstanding', 'p2c', 'weighted'],
      ],
      ['hcProtocol', 'enum', 'HTTP', ['HTTP', 'TCP']],
      ['hcPort', 'number', 0],
      ['hcPath', 'string', '/'],
      ['hcIntervalSec', 'number', 30],
      ['hcTimeoutSec', 'number', 5],
      ['healthyThreshold', 'number', 5],
      ['unhealthyThreshold', 'number', 2],
      ['deregistrationDelaySec', 'number', 300],
      ['slowStartSec', 'number', 0],
      ['sgPort', 'number', 80],
    ],
  },
  {
    kind: 'server',
    prefix: 'server',
    params: [
      ['roles', 'roles', ['web', 'app', 'db']],
      ...machine('m5.large'),
      ...roleDemand,
      ...queue,
    ],
  },
  {
    kind: 'dbPrimary',
    prefix: 'db',
    params: [
      ...machine('r5.large'),
      ['readDemandMs', 'number', 4],
      ['writeDemandMs', 'number', 8],
      ...queue,
      ['shardStrategy', 'enum', 'hash', ['hash', 'range']],
      ['shardFromPct', 'number', 0],
      ['shardToPct', 'number', 100],
    ],
  },
  {
    kind: 'dbReplica',
    prefix: 'replica',
    params: [
      ...machine('r5.large'),
      ['readDemandMs', 'number', 4],
      ['applyDemandMs', 'number', 2],
      ...queue,
    ],
  },
  {
    kind: 'cache',
    prefix: 'cache',
    params: [
      ['hitRatio', 'number', 0.8],
      ['hitDemandMs', 'number', 0.2],
      ...machine('r5.large'),
      ...queue,
    ],
  },
  {
    kind: 'asg',
    prefix: 'asg',
    params: [
      ['roles', 'roles', ['web', 'app']],
      ['minSize', 'number', 1],
      ['desired', 'number', 2],
      ['maxSize', 'number', 6],
      ['metric', 'enum', 'cpu', ['cpu', 'requests']],
      ['targetValue', 'number', 50],
      ['cooldownSec', 'number', 300],
      ['warmupSec', 'number', 60],
      ...machine('m5.large'),
      ...roleDemand,
      ...queue,
    ],
  },
]);
