/**
 * The guided path: one lesson per step of the scale-out story, in the tutorial's order, from the
 * all-in-one box to auto scaling. Each has a start that fails its goal and a reference solution
 * that meets it (both checked by tests through the kernel).
 * Contract: pure data; no DOM, no React.
 */
import type { Topology } from '../model/schema';
import { t, type Text } from '../model/text';
import { topo, type NodeTuple } from './build';
import type { Goal } from './goal';

export interface Lesson {
  id: string;
  /** Teaching points (1–13 of the tutorial summary) this lesson makes visible. */
  points: number[];
  title: Text;
  /** What the lesson is about, two or three sentences. */
  intro: Text;
  /** What the learner should do. */
  task: Text;
  /** What to watch for while it runs. */
  notice: Text[];
  hints: Text[];
  goal: Goal;
  start: Topology;
  solution: Topology;
}

const USERS = (rate: number, extra: Record<string, unknown> = {}) =>
  ['users-1', 'users', 'Users', 0, 160, { rate, ...extra }] as const;

const box = (type: string, roles: string[] = ['web', 'app', 'db']) =>
  ['server-1', 'server', roles.join(' + '), 300, 140, { instanceType: type, roles }] as const;

const oneBox: Lesson = {
  id: 'one-box',
  points: [1, 2],
  title: t('One box runs everything', '한 대가 모든 일을 한다'),
  intro: t(
    'Every service starts small: one machine runs the web server, the application and the database. A small service needs nothing more — scaling out is for when one machine is no longer enough.',
    '모든 서비스는 작게 시작합니다. 머신 한 대가 웹 서버, 애플리케이션, 데이터베이스를 모두 돌립니다. 작은 서비스라면 이것으로 충분합니다. 스케일 아웃은 한 대로 감당할 수 없을 때의 이야기입니다.',
  ),
  task: t(
    'This server runs the web and app roles but has no database, so every request fails. Give it the db role too.',
    '이 서버는 웹과 앱 역할만 있고 데이터베이스가 없어서 모든 요청이 실패합니다. DB 역할도 맡기세요.',
  ),
  notice: [
    t('The error count on the server and the reason it gives.', '서버의 오류 수와 그 이유.'),
    t(
      'With all three roles, one cheap machine serves 50 requests a second easily.',
      '세 역할을 모두 맡기면 값싼 머신 한 대가 초당 50개 요청을 거뜬히 처리합니다.',
    ),
  ],
  hints: [
    t(
      'Select the server; in the inspector, tick "db" under Roles.',
      '서버를 선택하고 속성 패널의 역할에서 "db"를 체크하세요.',
    ),
  ],
  goal: {
    summary: t(
      '50 req/s with under 1 % errors, CPU under 90 %, at most $0.10 per hour.',
      '초당 50개 요청, 오류 1 % 미만, CPU 90 % 미만, 시간당 $0.10 이하.',
    ),
    traffic: { rate: 50 },
    warmupSec: 60,
    windowSec: 120,
    maxUtilization: 0.9,
    maxErrorRatio: 0.01,
    maxCostPerHour: 0.1,
  },
  start: topo(
    'One box',
    [[...USERS(50)], [...box('m5.large', ['web', 'app'])]],
    [['users-1', 'server-1']],
  ),
  solution: topo('One box', [[...USERS(50)], [...box('m5.large')]], [['users-1', 'server-1']]),
};

const scaleUp: Lesson = {
  id: 'scale-up',
  points: [3],
  title: t('Over 90 %: scale up', '90 % 초과: 스케일 업'),
  intro: t(
    "The service grew. The box's CPU sits above 90 % and requests start to queue: latency climbs much faster than the load. The first answer is the simplest one: a bigger machine.",
    '서비스가 커졌습니다. CPU가 90 %를 넘나들고 요청이 줄을 서기 시작합니다. 지연은 부하보다 훨씬 빠르게 늘어납니다. 첫 번째 해법은 가장 단순한 것, 더 큰 머신입니다.',
  ),
  task: t(
    'Keep the CPU under 90 % at 120 requests a second by choosing a larger instance type.',
    '더 큰 인스턴스 유형을 골라 초당 120개 요청에서도 CPU를 90 % 아래로 유지하세요.',
  ),
  notice: [
    t(
      'How p95 latency jumps as CPU nears 100 % (ρ = λS/c).',
      'CPU가 100 %에 가까워질수록 p95 지연이 치솟는 모습(ρ = λS/c).',
    ),
    t('Twice the cores costs twice the price.', '코어가 두 배면 가격도 두 배입니다.'),
  ],
  hints: [t('m5.xlarge has 4 vCPUs instead of 2.', 'm5.xlarge는 vCPU가 2개가 아니라 4개입니다.')],
  goal: {
    summary: t(
      '120 req/s, every CPU under 90 %, p95 under 300 ms, at most $0.20 per hour.',
      '초당 120개 요청, 모든 CPU 90 % 미만, p95 300 ms 미만, 시간당 $0.20 이하.',
    ),
    traffic: { rate: 120 },
    warmupSec: 120,
    windowSec: 180,
    maxUtilization: 0.9,
    maxP95Ms: 300,
    maxCostPerHour: 0.2,
  },
  start: topo('All-in-one box', [[...USERS(120)], [...box('m5.large')]], [['users-1', 'server-1']]),
  solution: topo(
    'All-in-one box',
    [[...USERS(120)], [...box('m5.xlarge')]],
    [['users-1', 'server-1']],
  ),
};

const DB = (type = 'r5.large', x = 600) =>
  ['db-1', 'dbPrimary', 'MySQL primary', x, 140, { instanceType: type }] as const;

const splitDb: Lesson = {
  id: 'split-db',
  points: [4],
  title: t('Give the database its own machine', '데이터베이스에 머신을 따로 주기'),
  intro: t(
    "Scaling up gets expensive fast, and the biggest box still has a ceiling. Split the heaviest tier off: the database moves to a server of its own. The application must then be told the database's new address — forget it and the app breaks.",
    '스케일 업은 금방 비싸지고, 가장 큰 머신에도 한계가 있습니다. 가장 무거운 계층을 떼어 냅니다. 데이터베이스를 자기 서버로 옮깁니다. 그러면 애플리케이션에 데이터베이스의 새 주소를 알려야 합니다. 잊으면 앱이 멈춥니다.',
  ),
  task: t(
    'At 250 req/s no affordable single box keeps up. Move the database to a DB primary, point the server at it, and stay within budget.',
    '초당 250개 요청은 적당한 값의 머신 한 대로는 버틸 수 없습니다. 데이터베이스를 DB 프라이머리로 옮기고, 서버가 그쪽을 바라보게 하고, 예산을 지키세요.',
  ),
  notice: [
    t(
      'Remove the db role before linking the server to the new database: the errors say why.',
      '새 데이터베이스를 연결하기 전에 db 역할을 빼 보세요. 오류가 이유를 알려 줍니다.',
    ),
    t(
      'Each machine now does less, and each can grow on its own.',
      '이제 머신마다 하는 일이 줄었고, 각자 따로 키울 수 있습니다.',
    ),
  ],
  hints: [
    t(
      'Add a DB primary, untick "db" on the server, then drag a link from the server to the primary.',
      'DB 프라이머리를 추가하고, 서버에서 "db"를 해제한 뒤, 서버에서 프라이머리로 연결을 끌어 놓으세요.',
    ),
  ],
  goal: {
    summary: t(
      '250 req/s, every CPU under 90 %, at most $0.33 per hour.',
      '초당 250개 요청, 모든 CPU 90 % 미만, 시간당 $0.33 이하.',
    ),
    traffic: { rate: 250 },
    warmupSec: 120,
    windowSec: 180,
    maxUtilization: 0.9,
    maxErrorRatio: 0.01,
    maxCostPerHour: 0.33,
  },
  start: topo(
    'All-in-one box',
    [[...USERS(250)], [...box('m5.xlarge')]],
    [['users-1', 'server-1']],
  ),
  solution: topo(
    'Database split off',
    [[...USERS(250)], [...box('m5.xlarge', ['web', 'app'])], [...DB()]],
    [
      ['users-1', 'server-1'],
      ['server-1', 'db-1'],
    ],
  ),
};

const splitApp: Lesson = {
  id: 'split-app',
  points: [5],
  title: t('Web, app, database: three tiers', '웹, 앱, 데이터베이스: 3계층'),
  intro: t(
    'Now the middleware is the bottleneck. Move it to an application server of its own: requests cross one more machine, so each is a little slower and the bill grows — but every tier can now grow independently.',
    '이번에는 미들웨어가 병목입니다. 애플리케이션을 전용 서버로 옮깁니다. 요청이 머신을 하나 더 거치니 조금 느려지고 비용도 늘지만, 이제 계층마다 따로 키울 수 있습니다.',
  ),
  task: t(
    'Serve 400 req/s with the web server and the application on separate machines, every CPU under 90 %.',
    '웹 서버와 애플리케이션을 서로 다른 머신에 두고, 초당 400개 요청을 모든 CPU 90 % 미만으로 처리하세요.',
  ),
  notice: [
    t(
      'The extra hop adds network latency to every request (compare p50 before and after).',
      '한 번 더 거치는 만큼 모든 요청에 네트워크 지연이 더해집니다(전후 p50 비교).',
    ),
    t(
      'Cost per hour goes up with the extra machine.',
      '머신이 늘어난 만큼 시간당 비용이 오릅니다.',
    ),
  ],
  hints: [
    t(
      'Add a server with only the "app" role; the web server calls it, and it calls the database.',
      '"app" 역할만 있는 서버를 추가하세요. 웹 서버가 그것을 부르고, 그것이 데이터베이스를 부릅니다.',
    ),
  ],
  goal: {
    summary: t(
      '400 req/s, web and app on separate machines, every CPU under 90 %, p95 under 300 ms.',
      '초당 400개 요청, 웹과 앱을 다른 머신에, 모든 CPU 90 % 미만, p95 300 ms 미만.',
    ),
    traffic: { rate: 400 },
    warmupSec: 120,
    windowSec: 180,
    maxUtilization: 0.9,
    maxP95Ms: 300,
    maxErrorRatio: 0.01,
    separate: ['web', 'app'],
  },
  start: topo(
    'Web + app, database',
    [[...USERS(400)], [...box('m5.xlarge', ['web', 'app'])], [...DB('r5.xlarge')]],
    [
      ['users-1', 'server-1'],
      ['server-1', 'db-1'],
    ],
  ),
  solution: topo(
    'Three tiers',
    [
      [...USERS(400)],
      ['server-1', 'server', 'web', 300, 140, { instanceType: 'm5.large', roles: ['web'] }],
      ['server-2', 'server', 'app', 560, 140, { instanceType: 'm5.2xlarge', roles: ['app'] }],
      ['db-1', 'dbPrimary', 'MySQL primary', 820, 140, { instanceType: 'r5.xlarge' }],
    ],
    [
      ['users-1', 'server-1'],
      ['server-1', 'server-2'],
      ['server-2', 'db-1'],
    ],
  ),
};

const APP = (type: string) =>
  [
    'server-1',
    'server',
    'web + app',
    300,
    140,
    { instanceType: type, roles: ['web', 'app'] },
  ] as const;

const replicas: Lesson = {
  id: 'replicas',
  points: [6],
  title: t('Primary and read replicas', '프라이머리와 읽기 복제본'),
  intro: t(
    'As data and readers grow, the database slows down. Most requests only read: split the database into a primary that takes the writes and replicas that serve the reads. The primary copies every write to its replicas, a little behind — replication lag.',
    '데이터와 읽는 사람이 늘면 데이터베이스가 느려집니다. 대부분의 요청은 읽기만 합니다. 쓰기를 받는 프라이머리와 읽기를 맡는 복제본으로 나눕니다. 프라이머리는 모든 쓰기를 복제본에 조금 늦게 복사합니다. 이것이 복제 지연입니다.',
  ),
  task: t(
    'At 500 req/s (90 % reads) the primary is overloaded. Add read replicas: link the primary to each, and the app server to each for reads.',
    '초당 500개 요청(읽기 90 %)에 프라이머리가 과부하입니다. 읽기 복제본을 추가하세요. 프라이머리에서 각 복제본으로, 앱 서버에서 각 복제본으로 연결합니다.',
  ),
  notice: [
    t(
      'Primary CPU falls as reads move away; writes still all go to the primary.',
      '읽기가 빠지면서 프라이머리 CPU가 내려갑니다. 쓰기는 여전히 모두 프라이머리로 갑니다.',
    ),
    t(
      'Each replica replays every write: replication lag on its card.',
      '복제본마다 모든 쓰기를 재생합니다. 카드의 복제 지연을 보세요.',
    ),
  ],
  hints: [
    t(
      'One replica is not quite enough at this load; try two.',
      '이 부하에서는 복제본 하나로는 조금 모자랍니다. 두 개를 써 보세요.',
    ),
  ],
  goal: {
    summary: t(
      '500 req/s with 90 % reads, at least one replica, every CPU under 90 %.',
      '초당 500개 요청(읽기 90 %), 복제본 하나 이상, 모든 CPU 90 % 미만.',
    ),
    traffic: { rate: 500, readRatio: 0.9 },
    warmupSec: 120,
    windowSec: 180,
    maxUtilization: 0.9,
    maxErrorRatio: 0.01,
    minMachines: { count: 1, kind: 'dbReplica' },
  },
  start: topo(
    'One primary',
    [[...USERS(500)], [...APP('m5.4xlarge')], [...DB()]],
    [
      ['users-1', 'server-1'],
      ['server-1', 'db-1'],
    ],
  ),
  solution: topo(
    'Primary and two replicas',
    [
      [...USERS(500)],
      [...APP('m5.4xlarge')],
      [...DB()],
      ['replica-1', 'dbReplica', 'replica-1', 880, 40, {}],
      ['replica-2', 'dbReplica', 'replica-2', 880, 260, {}],
    ],
    [
      ['users-1', 'server-1'],
      ['server-1', 'db-1'],
      ['server-1', 'replica-1'],
      ['server-1', 'replica-2'],
      ['db-1', 'replica-1'],
      ['db-1', 'replica-2'],
    ],
  ),
};

const shards: Lesson = {
  id: 'shards',
  points: [7],
  title: t('More replicas, then shards', '복제본을 늘리고, 그다음은 샤드'),
  intro: t(
    'Replicas multiply read capacity, but every write still lands on the one primary — and every replica must replay it. When writes are the problem, shard: several primaries, each owning part of the users.',
    '복제본은 읽기 용량을 늘려 주지만, 모든 쓰기는 여전히 하나뿐인 프라이머리로 가고 복제본마다 그것을 재생해야 합니다. 쓰기가 문제라면 샤딩합니다. 프라이머리를 여럿 두고 사용자를 나눠 맡깁니다.',
  ),
  task: t(
    'Half the traffic writes. Split the data over two primaries (shards), each with its own replica.',
    '트래픽의 절반이 쓰기입니다. 데이터를 두 프라이머리(샤드)로 나누고, 샤드마다 복제본을 하나씩 두세요.',
  ),
  notice: [
    t(
      "Adding a third replica does not lower the primary's CPU at all.",
      '복제본을 하나 더 늘려도 프라이머리 CPU는 전혀 내려가지 않습니다.',
    ),
    t(
      'Turn up "hot user share" on the users: one shard gets hotter than the other.',
      '사용자의 "핫 유저 비율"을 올려 보세요. 한 샤드만 더 뜨거워집니다.',
    ),
  ],
  hints: [
    t(
      'Link the app server to both primaries: users are split between them by a hash of their id.',
      '앱 서버를 두 프라이머리에 모두 연결하세요. 사용자 ID의 해시로 둘에 나뉩니다.',
    ),
  ],
  goal: {
    summary: t(
      '600 req/s with 50 % writes, two primaries, every CPU under 90 %.',
      '초당 600개 요청(쓰기 50 %), 프라이머리 둘, 모든 CPU 90 % 미만.',
    ),
    traffic: { rate: 600, readRatio: 0.5 },
    warmupSec: 120,
    windowSec: 180,
    maxUtilization: 0.9,
    maxErrorRatio: 0.01,
    minMachines: { count: 2, kind: 'dbPrimary' },
  },
  start: topo(
    'Primary and replicas',
    [
      [...USERS(600, { readRatio: 0.5 })],
      [...APP('m5.4xlarge')],
      [...DB()],
      ['replica-1', 'dbReplica', 'replica-1', 880, 40, {}],
      ['replica-2', 'dbReplica', 'replica-2', 880, 260, {}],
    ],
    [
      ['users-1', 'server-1'],
      ['server-1', 'db-1'],
      ['server-1', 'replica-1'],
      ['server-1', 'replica-2'],
      ['db-1', 'replica-1'],
      ['db-1', 'replica-2'],
    ],
  ),
  solution: topo(
    'Two shards',
    [
      [...USERS(600, { readRatio: 0.5 })],
      [...APP('m5.4xlarge')],
      ['db-1', 'dbPrimary', 'shard A', 600, 40, {}],
      ['db-2', 'dbPrimary', 'shard B', 600, 260, {}],
      ['replica-1', 'dbReplica', 'replica A', 880, 40, {}],
      ['replica-2', 'dbReplica', 'replica B', 880, 260, {}],
    ],
    [
      ['users-1', 'server-1'],
      ['server-1', 'db-1'],
      ['server-1', 'db-2'],
      ['server-1', 'replica-1'],
      ['server-1', 'replica-2'],
      ['db-1', 'replica-1'],
      ['db-2', 'replica-2'],
    ],
  ),
};

const WEB = (id: string, label: string, y: number, type = 'm5.large') =>
  [id, 'server', label, 300, y, { instanceType: type, roles: ['web'] }] as const;
const DBX = [
  'db-1',
  'dbPrimary',
  'MySQL primary',
  820,
  140,
  { instanceType: 'r5.xlarge' },
] as const;

const appPool: Lesson = {
  id: 'app-pool',
  points: [8],
  title: t('Several application servers, in turn', '앱 서버 여러 대, 차례대로'),
  intro: t(
    'One application server is not enough any more. Run several, and have the web tier use them in turn, evenly — round robin. Strict rotation also smooths the stream each server sees, so each waits less than with random picks.',
    '앱 서버 한 대로는 더 이상 부족합니다. 여러 대를 두고 웹 계층이 차례로, 고르게 쓰게 합니다. 라운드 로빈입니다. 엄격한 순번은 각 서버가 받는 흐름도 고르게 해서, 무작위로 고를 때보다 덜 기다립니다.',
  ),
  task: t(
    'Serve 500 req/s with at least two app servers, every CPU under 90 %.',
    '앱 서버를 두 대 이상 두고 초당 500개 요청을 모든 CPU 90 % 미만으로 처리하세요.',
  ),
  notice: [
    t('Each app server takes half the requests.', '앱 서버가 요청을 절반씩 받습니다.'),
    t(
      'Put a load balancer between the tiers and compare round robin with random.',
      '계층 사이에 로드 밸런서를 두고 라운드 로빈과 무작위를 비교해 보세요.',
    ),
  ],
  hints: [
    t(
      'Duplicate the app server (Ctrl+D) and link the web server to the copy.',
      '앱 서버를 복제(Ctrl+D)하고 웹 서버에서 복사본으로 연결하세요.',
    ),
  ],
  goal: {
    summary: t(
      '500 req/s, two or more app servers, every CPU under 90 %.',
      '초당 500개 요청, 앱 서버 둘 이상, 모든 CPU 90 % 미만.',
    ),
    traffic: { rate: 500 },
    warmupSec: 120,
    windowSec: 180,
    maxUtilization: 0.9,
    maxErrorRatio: 0.01,
    minMachines: { count: 2, role: 'app' },
  },
  start: topo(
    'One app server',
    [
      [...USERS(500)],
      [...WEB('server-1', 'web', 140)],
      ['server-2', 'server', 'app-1', 560, 140, { instanceType: 'm5.xlarge', roles: ['app'] }],
      [...DBX],
    ],
    [
      ['users-1', 'server-1'],
      ['server-1', 'server-2'],
      ['server-2', 'db-1'],
    ],
  ),
  solution: topo(
    'Two app servers',
    [
      [...USERS(500)],
      [...WEB('server-1', 'web', 140)],
      ['server-2', 'server', 'app-1', 560, 40, { instanceType: 'm5.xlarge', roles: ['app'] }],
      ['server-3', 'server', 'app-2', 560, 260, { instanceType: 'm5.xlarge', roles: ['app'] }],
      [...DBX],
    ],
    [
      ['users-1', 'server-1'],
      ['server-1', 'server-2'],
      ['server-1', 'server-3'],
      ['server-2', 'db-1'],
      ['server-3', 'db-1'],
    ],
  ),
};

const WEBAPP = (id: string, label: string, y: number) =>
  [id, 'server', label, 560, y, { instanceType: 'm5.xlarge', roles: ['web', 'app'] }] as const;
const DNS = (x: number): NodeTuple => ['dns-1', 'dns', 'www.example.com', x, 160, {}];
const LB = (x: number, params: Record<string, unknown> = {}): NodeTuple => [
  'lb-1',
  'lb',
  'ALB',
  x,
  160,
  params,
];

/**
 * The shape of the DNS and load-balancer lessons: users, a chain of front nodes (DNS and/or a load
 * balancer, in calling order), two web + app servers behind the last of them, one database.
 */
function twoWebServers(
  name: string,
  users: NodeTuple,
  front: NodeTuple[],
  opts: { events?: unknown[]; web2?: Record<string, unknown> } = {},
): Topology {
  const chain = [users[0], ...front.map((n) => n[0])];
  const last = chain[chain.length - 1] ?? users[0];
  return topo(
    name,
    [
      users,
      ...front,
      [...WEBAPP('server-1', 'web-1', 40)],
      [
        'server-2',
        'server',
        'web-2',
        560,
        260,
        { instanceType: 'm5.xlarge', roles: ['web', 'app'], ...opts.web2 },
      ],
      [...DBX],
    ],
    [
      ...chain.slice(1).map((id, i): [string, string] => [chain[i] ?? users[0], id]),
      [last, 'server-1'],
      [last, 'server-2'],
      ['server-1', 'db-1'],
      ['server-2', 'db-1'],
    ],
    opts.events ?? [],
  );
}

const dnsRr: Lesson = {
  id: 'dns-round-robin',
  points: [9],
  title: t('Several web servers behind DNS', 'DNS 뒤의 웹 서버 여러 대'),
  intro: t(
    'Several web servers have several addresses, but users know one name. DNS round robin hands different users different addresses. Each group of users keeps the answer it got until its cache expires (the TTL).',
    '웹 서버가 여러 대면 주소도 여러 개지만, 사용자는 이름 하나만 압니다. DNS 라운드 로빈은 사용자마다 다른 주소를 줍니다. 사용자 묶음마다 받은 답을 캐시가 만료될 때(TTL)까지 계속 씁니다.',
  ),
  task: t(
    'Serve 500 req/s with two web servers behind a DNS name.',
    '웹 서버 두 대를 DNS 이름 뒤에 두고 초당 500개 요청을 처리하세요.',
  ),
  notice: [
    t(
      'The DNS panel shows which user groups hold which address.',
      'DNS 패널에서 어느 사용자 묶음이 어느 주소를 쥐고 있는지 볼 수 있습니다.',
    ),
    t(
      'The split is by groups of users, not by request: it is uneven when there are few groups.',
      '요청 단위가 아니라 사용자 묶음 단위로 나뉩니다. 묶음이 적으면 고르지 않습니다.',
    ),
  ],
  hints: [t('Users → DNS → each web server.', '사용자 → DNS → 각 웹 서버.')],
  goal: {
    summary: t(
      '500 req/s, two web servers, every CPU under 90 %.',
      '초당 500개 요청, 웹 서버 둘, 모든 CPU 90 % 미만.',
    ),
    traffic: { rate: 500 },
    warmupSec: 120,
    windowSec: 180,
    maxUtilization: 0.9,
    maxErrorRatio: 0.01,
    minMachines: { count: 2, role: 'web' },
  },
  start: topo(
    'One web server',
    [[...USERS(500)], [...WEBAPP('server-1', 'web-1', 140)], [...DBX]],
    [
      ['users-1', 'server-1'],
      ['server-1', 'db-1'],
    ],
  ),
  solution: twoWebServers('DNS round robin', [...USERS(500)], [DNS(280)]),
};

const killWeb1 = [{ type: 'kill' as const, atSec: 60, node: 'server-1' }];

const lbFailover: Lesson = {
  id: 'lb-failover',
  points: [10],
  title: t('A load balancer routes around a dead server', '로드 밸런서는 죽은 서버를 피해 간다'),
  intro: t(
    "With DNS round robin, a dead server's address keeps being handed out, and users who cached it keep failing. A load balancer is one address in front of the servers: it checks their health and stops sending traffic to one that fails.",
    'DNS 라운드 로빈에서는 죽은 서버의 주소가 계속 전달되고, 그 주소를 캐시한 사용자는 계속 실패합니다. 로드 밸런서는 서버들 앞의 주소 하나입니다. 서버의 상태를 검사하고, 실패하는 서버로는 트래픽을 보내지 않습니다.',
  ),
  task: t(
    'web-1 dies one minute in. Put a load balancer between DNS and the web servers so users stop seeing errors.',
    'web-1이 1분 뒤에 죽습니다. DNS와 웹 서버 사이에 로드 밸런서를 두어 사용자가 더 이상 오류를 보지 않게 하세요.',
  ),
  notice: [
    t(
      'Behind DNS, errors go on for as long as the dead address is handed out.',
      'DNS 뒤에서는 죽은 주소가 전달되는 동안 오류가 계속됩니다.',
    ),
    t(
      'Behind the LB, errors last until two health checks fail (about 30–65 s), then stop.',
      'LB 뒤에서는 헬스 체크가 두 번 실패할 때까지(약 30–65초)만 오류가 나고 멈춥니다.',
    ),
  ],
  hints: [
    t(
      'DNS now points at the load balancer; the load balancer links to both web servers.',
      '이제 DNS는 로드 밸런서를 가리키고, 로드 밸런서가 두 웹 서버로 연결됩니다.',
    ),
  ],
  goal: {
    summary: t(
      'web-1 dies at 1:00; from 2:30 on, under 1 % errors at 300 req/s.',
      'web-1이 1:00에 죽습니다. 2:30부터 초당 300개 요청에서 오류 1 % 미만.',
    ),
    traffic: { rate: 300 },
    events: killWeb1,
    warmupSec: 150,
    windowSec: 150,
    maxErrorRatio: 0.01,
    minMachines: { count: 2, role: 'web' },
  },
  start: twoWebServers('DNS round robin', [...USERS(300)], [DNS(280)], { events: killWeb1 }),
  solution: twoWebServers('DNS and a load balancer', [...USERS(300)], [DNS(200), LB(380)], {
    events: killWeb1,
  }),
};

const lbConfig: Lesson = {
  id: 'lb-config',
  points: [11],
  title: t('Configuring a managed load balancer', '관리형 로드 밸런서 설정'),
  intro: t(
    'A managed load balancer (like AWS ELB) listens on one port and forwards to an instance port; a health check probes a ping port and path; security groups must let the traffic in. One wrong number and no traffic gets through.',
    '관리형 로드 밸런서(AWS ELB 등)는 한 포트에서 듣고 인스턴스 포트로 전달합니다. 헬스 체크는 핑 포트와 경로를 확인하고, 보안 그룹이 트래픽을 들여보내야 합니다. 숫자 하나만 틀려도 트래픽이 지나가지 못합니다.',
  ),
  task: t(
    'Both targets are unhealthy. Read the reason the load balancer gives for each target and fix the configuration.',
    '두 대상이 모두 비정상입니다. 로드 밸런서가 대상마다 알려 주는 이유를 읽고 설정을 고치세요.',
  ),
  notice: [
    t(
      'The target list names the cause: wrong port, path not answered, or blocked by a security group.',
      '대상 목록이 원인을 알려 줍니다. 잘못된 포트, 응답하지 않는 경로, 보안 그룹 차단.',
    ),
  ],
  hints: [
    t('The servers listen on port 80.', '서버는 80번 포트에서 듣습니다.'),
    t('web-2\'s security group only admits "My IP".', 'web-2의 보안 그룹은 "내 IP"만 허용합니다.'),
  ],
  goal: {
    summary: t(
      '300 req/s through the load balancer with under 1 % errors.',
      '로드 밸런서를 거쳐 초당 300개 요청, 오류 1 % 미만.',
    ),
    traffic: { rate: 300 },
    warmupSec: 200,
    windowSec: 120,
    maxErrorRatio: 0.01,
    minMachines: { count: 2, role: 'web' },
  },
  start: twoWebServers(
    'Misconfigured load balancer',
    [...USERS(300)],
    [DNS(200), LB(380, { targetPort: 8080 })],
    { web2: { sgSource: 'my-ip' } },
  ),
  solution: twoWebServers(
    'Load balancer',
    [...USERS(300)],
    [DNS(200), LB(380, { targetPort: 80 })],
    { web2: { sgSource: 'lb' } },
  ),
};

const images: Lesson = {
  id: 'images',
  points: [12],
  title: t('New servers from an image', '이미지로 새 서버 만들기'),
  intro: t(
    'To add web servers, make an image of a configured one and launch copies, then register them with the load balancer. A new server boots, then must pass its health checks before it gets any traffic.',
    '웹 서버를 늘리려면 설정을 마친 서버의 이미지를 만들어 복사본을 띄우고, 로드 밸런서에 등록합니다. 새 서버는 부팅한 뒤 헬스 체크를 통과해야 트래픽을 받습니다.',
  ),
  task: t(
    'One web server cannot take 500 req/s. Launch copies of it behind the load balancer.',
    '웹 서버 한 대로는 초당 500개 요청을 받을 수 없습니다. 복사본을 띄워 로드 밸런서 뒤에 두세요.',
  ),
  notice: [
    t(
      'A new target is "initial" until it passes 5 checks in a row.',
      '새 대상은 연속 5번 통과할 때까지 "initial" 상태입니다.',
    ),
  ],
  hints: [
    t(
      'Select web-1 and duplicate it, then link the load balancer to the copy.',
      'web-1을 선택해 복제하고, 로드 밸런서에서 복사본으로 연결하세요.',
    ),
  ],
  goal: {
    summary: t(
      '500 req/s behind the load balancer, every CPU under 90 %.',
      '로드 밸런서 뒤에서 초당 500개 요청, 모든 CPU 90 % 미만.',
    ),
    traffic: { rate: 500 },
    warmupSec: 240,
    windowSec: 120,
    maxUtilization: 0.9,
    maxErrorRatio: 0.01,
    minMachines: { count: 2, role: 'web' },
  },
  start: topo(
    'One web server',
    [
      [...USERS(500)],
      ['lb-1', 'lb', 'ALB', 280, 160, {}],
      [...WEBAPP('server-1', 'web-1', 140)],
      [...DBX],
    ],
    [
      ['users-1', 'lb-1'],
      ['lb-1', 'server-1'],
      ['server-1', 'db-1'],
    ],
  ),
  solution: twoWebServers('Copies behind the load balancer', [...USERS(500)], [LB(280)]),
};

const STEP_USERS = { pattern: 'step', peakRate: 800, startSec: 60 } as const;
const STEP = { rate: 150, ...STEP_USERS };

const autoScaling: Lesson = {
  id: 'auto-scaling',
  points: [13],
  title: t('Auto scaling', '오토 스케일링'),
  intro: t(
    'Nobody can watch the servers all day. An auto scaling group launches copies of an image when a metric (such as average CPU) stays above its target, and removes them when it stays below. New capacity arrives minutes later: alarms need three breaching minutes, and instances must boot and pass health checks.',
    '서버를 하루 종일 지켜볼 수는 없습니다. 오토 스케일링 그룹은 지표(평균 CPU 등)가 목표보다 높게 유지되면 이미지로 복사본을 띄우고, 낮게 유지되면 없앱니다. 새 용량은 몇 분 뒤에 도착합니다. 경보는 3분 연속 초과가 필요하고, 인스턴스는 부팅하고 헬스 체크를 통과해야 하기 때문입니다.',
  ),
  task: t(
    'Traffic steps from 150 to 800 req/s at 1:00. Replace the fixed web servers with an auto scaling group behind the load balancer.',
    '1:00에 트래픽이 초당 150에서 800으로 뛰어오릅니다. 고정된 웹 서버를 로드 밸런서 뒤의 오토 스케일링 그룹으로 바꾸세요.',
  ),
  notice: [
    t(
      'The gap of several minutes between the load step and the new instances in service.',
      '부하가 뛴 시점과 새 인스턴스가 서비스에 들어가는 시점 사이 몇 분의 간격.',
    ),
    t(
      'The instance count and the event markers on the chart.',
      '차트의 인스턴스 수와 이벤트 표시.',
    ),
  ],
  hints: [
    t(
      'Link the load balancer to the auto scaling group and the group to the database; set a maximum of 8.',
      '로드 밸런서를 오토 스케일링 그룹에, 그룹을 데이터베이스에 연결하고 최대를 8로 두세요.',
    ),
  ],
  goal: {
    summary: t(
      'After the step to 800 req/s, from 10:00 on every CPU under 90 %, using an auto scaling group.',
      '초당 800으로 뛴 뒤, 10:00부터 모든 CPU 90 % 미만, 오토 스케일링 그룹 사용.',
    ),
    traffic: STEP,
    warmupSec: 600,
    windowSec: 180,
    maxUtilization: 0.9,
    maxErrorRatio: 0.01,
    minMachines: { count: 1, kind: 'asg' },
  },
  start: twoWebServers('Fixed web servers', [...USERS(150, STEP_USERS)], [LB(280)]),
  solution: topo(
    'Auto scaling group',
    [
      [...USERS(150, STEP_USERS)],
      ['lb-1', 'lb', 'ALB', 280, 160, {}],
      [
        'asg-1',
        'asg',
        'web ASG',
        560,
        140,
        {
          instanceType: 'm5.xlarge',
          roles: ['web', 'app'],
          minSize: 2,
          desired: 2,
          maxSize: 8,
          targetValue: 50,
        },
      ],
      ['db-1', 'dbPrimary', 'MySQL primary', 820, 140, { instanceType: 'r5.2xlarge' }],
    ],
    [
      ['users-1', 'lb-1'],
      ['lb-1', 'asg-1'],
      ['asg-1', 'db-1'],
    ],
  ),
};

/** Every lesson, in the tutorial's order. */
export const LESSONS: readonly Lesson[] = [
  oneBox,
  scaleUp,
  splitDb,
  splitApp,
  replicas,
  shards,
  appPool,
  dnsRr,
  lbFailover,
  lbConfig,
  images,
  autoScaling,
];

export const lessonById = (id: string): Lesson | undefined => LESSONS.find((l) => l.id === id);
