/**
 * Parameters every machine kind shares (server, database primary, replica, cache, auto scaling
 * group template): instance type, AZ, the port it listens on, the paths it answers, its security
 * group and boot time.
 * Contract: pure data.
 */
import { INSTANCE_TYPE_NAMES, type InstanceTypeName } from '../instanceTypes';
import type { EnumParam, NumberParam, StringParam } from '../params';
import { t } from '../text';

export const AZS = ['a', 'b', 'c'] as const;
export type Az = (typeof AZS)[number];

export const SG_SOURCES = ['anywhere', 'lb', 'vpc', 'my-ip'] as const;

const network = t('Network', '네트워크');
const machine = t('Machine', '머신');

export const instanceParams = (defaultType: InstanceTypeName) =>
  ({
    instanceType: {
      type: 'enum',
      options: INSTANCE_TYPE_NAMES,
      default: defaultType,
      label: t('Instance type', '인스턴스 유형'),
      help: t(
        'The machine size: vCPUs (cores that share the work), per-core speed and price per hour. A bigger type is "scale up".',
        '머신 크기: vCPU(일을 나눠 맡는 코어) 수, 코어 속도, 시간당 가격. 더 큰 유형으로 바꾸는 것이 "스케일 업"입니다.',
      ),
      group: machine,
    } satisfies EnumParam<InstanceTypeName>,
    az: {
      type: 'enum',
      options: AZS,
      default: 'a',
      optionLabels: { a: t('AZ a', 'AZ a'), b: t('AZ b', 'AZ b'), c: t('AZ c', 'AZ c') },
      label: t('Availability zone', '가용 영역'),
      help: t(
        'The data centre it runs in. Calls across zones take about 1 ms round trip, within a zone about 0.25 ms.',
        '머신이 있는 데이터센터. 다른 영역으로의 호출은 왕복 약 1 ms, 같은 영역 안은 약 0.25 ms 걸립니다.',
      ),
      group: machine,
    } satisfies EnumParam<(typeof AZS)[number]>,
    bootSec: {
      type: 'number',
      default: 45,
      min: 5,
      max: 600,
      unit: 's',
      integer: true,
      label: t('Boot time', '부팅 시간'),
      help: t(
        'Seconds from launch until the machine answers. EC2 typically takes 30–90 s.',
        '시작부터 응답할 때까지 걸리는 시간(초). EC2는 보통 30–90초입니다.',
      ),
      group: machine,
    } satisfies NumberParam,
    listenPort: {
      type: 'number',
      default: 80,
      min: 1,
      max: 65535,
      integer: true,
      unit: 'port',
      label: t('Listens on port', '수신 포트'),
      help: t(
        'The port its service listens on. A load balancer must forward to this port.',
        '서비스가 듣는 포트. 로드 밸런서는 이 포트로 전달해야 합니다.',
      ),
      group: network,
    } satisfies NumberParam,
    answersPaths: {
      type: 'string',
      default: '/ /index.html',
      maxLength: 200,
      pattern: /^[ -~]*$/,
      patternHelp: t(
        'Use plain ASCII paths separated by spaces',
        '공백으로 구분한 ASCII 경로를 쓰세요',
      ),
      label: t('Answers paths', '응답하는 경로'),
      help: t(
        'Paths that return 200 OK, separated by spaces. A health check on any other path fails.',
        '200 OK를 돌려주는 경로(공백으로 구분). 다른 경로로 하는 헬스 체크는 실패합니다.',
      ),
      group: network,
    } satisfies StringParam,
    sgPort: {
      type: 'number',
      default: 80,
      min: 1,
      max: 65535,
      integer: true,
      unit: 'port',
      label: t('Security group: port', '보안 그룹: 포트'),
      help: t(
        'The inbound port its security group allows. Traffic to any other port is dropped.',
        '보안 그룹이 허용하는 인바운드 포트. 다른 포트로 오는 트래픽은 버려집니다.',
      ),
      group: network,
    } satisfies NumberParam,
    sgSource: {
      type: 'enum',
      options: SG_SOURCES,
      default: 'anywhere',
      optionLabels: {
        anywhere: t('Anywhere (0.0.0.0/0)', '어디서나 (0.0.0.0/0)'),
        lb: t('Load balancer security group', '로드 밸런서 보안 그룹'),
        vpc: t('Inside the VPC', 'VPC 내부'),
        'my-ip': t('My IP only', '내 IP만'),
      },
      label: t('Security group: source', '보안 그룹: 출발지'),
      help: t(
        'Who may connect. "My IP only" blocks the load balancer and other servers.',
        '누가 접속할 수 있는지. "내 IP만"이면 로드 밸런서와 다른 서버가 막힙니다.',
      ),
      group: network,
    } satisfies EnumParam<(typeof SG_SOURCES)[number]>,
  }) as const;

const work = t('Work per request', '요청당 작업');

/** CPU demand of the web/app/db roles a machine may run (ms of one m5 core per request). */
export const roleDemandParams = {
  webDemandMs: {
    type: 'number',
    default: 1,
    min: 0,
    max: 10000,
    step: 0.1,
    unit: 'ms',
    label: t('Web work', '웹 작업'),
    help: t(
      'CPU time the web server role spends per request (ms of one core).',
      '웹 서버 역할이 요청 하나에 쓰는 CPU 시간(코어 하나 기준 ms).',
    ),
    group: work,
  },
  appDemandMs: {
    type: 'number',
    default: 10,
    min: 0,
    max: 10000,
    step: 0.1,
    unit: 'ms',
    label: t('App work', '앱 작업'),
    help: t(
      'CPU time the application (middleware) role spends per request.',
      '애플리케이션(미들웨어) 역할이 요청 하나에 쓰는 CPU 시간.',
    ),
    group: work,
  },
  dbReadDemandMs: {
    type: 'number',
    default: 4,
    min: 0,
    max: 10000,
    step: 0.1,
    unit: 'ms',
    label: t('DB read work', 'DB 읽기 작업'),
    help: t(
      'CPU time the database spends per read query.',
      '데이터베이스가 읽기 쿼리 하나에 쓰는 CPU 시간.',
    ),
    group: work,
  },
  dbWriteDemandMs: {
    type: 'number',
    default: 8,
    min: 0,
    max: 10000,
    step: 0.1,
    unit: 'ms',
    label: t('DB write work', 'DB 쓰기 작업'),
    help: t(
      'CPU time the database spends per write query.',
      '데이터베이스가 쓰기 쿼리 하나에 쓰는 CPU 시간.',
    ),
    group: work,
  },
} as const satisfies Record<string, NumberParam>;

/** CPU demand of one read query on a database machine (primary or replica). */
export const readDemandParam = {
  type: 'number',
  default: 4,
  min: 0,
  max: 10000,
  step: 0.1,
  unit: 'ms',
  label: t('Read work', '읽기 작업'),
  help: t('CPU time per read query (ms of one core).', '읽기 쿼리당 CPU 시간(코어 하나 기준 ms).'),
} as const satisfies NumberParam;

/** Variability and queue limit of a machine's thread pool. */
export const queueParams = {
  demandCv: {
    type: 'number',
    default: 1,
    min: 0,
    max: 4,
    step: 0.1,
    unit: 'ratio',
    label: t('Work variability', '작업 변동성'),
    help: t(
      'Coefficient of variation of the work per request: 1 is exponential (M/M/c), 0 is constant (M/D/c).',
      '요청당 작업의 변동 계수: 1은 지수 분포(M/M/c), 0은 일정(M/D/c)입니다.',
    ),
    group: work,
  },
  queueLimit: {
    type: 'number',
    default: 1000,
    min: 1,
    max: 1000000,
    integer: true,
    unit: 'count',
    label: t('Queue limit', '대기열 한도'),
    help: t(
      'Most requests it holds at once (in service and waiting). Beyond it new requests are dropped.',
      '한 번에 붙잡아 둘 수 있는 요청 수(처리 중 + 대기). 넘으면 새 요청은 버려집니다.',
    ),
    group: work,
  },
} as const satisfies Record<string, NumberParam>;
