/**
 * The kernel's diagnostics: what is wrong with a topology (or a request made of it), on which
 * node, in English and Korean. Codes are stable: the UI and the runner's report key on them.
 * Contract: pure data builders; no DOM.
 */
import { fill, t, type Text } from '../model/text';
import type { Diagnostic } from './types';

const STAGE_NAMES = [t('web', '웹'), t('app', '앱'), t('database', '데이터베이스')] as const;

const d = (
  node: string,
  severity: Diagnostic['severity'],
  code: string,
  message: Text,
): Diagnostic => ({
  node,
  severity,
  code,
  message,
});

export const diag = {
  missingApp: (node: string) =>
    d(
      node,
      'error',
      'missingDownstream',
      t(
        'No application server reachable: a web server alone cannot answer dynamic requests. Give this server the app role or link it to an app server.',
        '애플리케이션 서버에 닿지 않습니다: 웹 서버만으로는 동적 요청에 답할 수 없습니다. 이 서버에 앱 역할을 주거나 앱 서버에 연결하세요.',
      ),
    ),
  missingDb: (node: string) =>
    d(
      node,
      'error',
      'missingDownstream',
      t(
        'No database reachable: point the app at the database server',
        '데이터베이스에 닿지 않습니다: 앱을 데이터베이스 서버에 연결하세요',
      ),
    ),
  noPrimary: (node: string) =>
    d(
      node,
      'error',
      'noPrimary',
      t(
        'Writes have nowhere to go: read replicas are read-only. Link this node to a DB primary.',
        '쓰기를 보낼 곳이 없습니다: 읽기 복제본은 읽기 전용입니다. 이 노드를 DB 프라이머리에 연결하세요.',
      ),
    ),
  readOnly: (node: string) =>
    d(
      node,
      'error',
      'readOnly',
      t(
        'Writes arrive here, but a read replica cannot take writes: they fail.',
        '쓰기 요청이 들어오지만 읽기 복제본은 쓰기를 받을 수 없어 실패합니다.',
      ),
    ),
  cannotServe: (node: string, stage: number) =>
    d(
      node,
      'error',
      'cannotServe',
      fill(
        t(
          'Requests arrive here for the {stage} tier, but this machine runs no role that can serve them.',
          '{stageKo} 계층 요청이 들어오지만, 이 머신에는 처리할 역할이 없습니다.',
        ),
        { stage: STAGE_NAMES[stage]?.en ?? '', stageKo: STAGE_NAMES[stage]?.ko ?? '' },
      ),
    ),
  noTargets: (node: string) =>
    d(
      node,
      'error',
      'noTargets',
      t(
        'Requests arrive here but it is connected to nothing that can answer them: they fail.',
        '요청이 들어오지만 답할 수 있는 곳과 연결되어 있지 않아 실패합니다.',
      ),
    ),
  noShard: (node: string, from: number, to: number) =>
    d(
      node,
      'error',
      'noShard',
      fill(
        t(
          'Users from {from} % to {to} % of the id range belong to no shard: their database queries fail.',
          'ID 범위 {from}%–{to}%의 사용자는 어느 샤드에도 속하지 않아 데이터베이스 요청이 실패합니다.',
        ),
        { from: round(from), to: round(to) },
      ),
    ),
  shardOverlap: (node: string, a: string, b: string) =>
    d(
      node,
      'warning',
      'shardOverlap',
      fill(
        t(
          'Shards {a} and {b} claim overlapping user ranges; the first one listed gets those users.',
          '샤드 {a}와 {b}의 사용자 범위가 겹칩니다. 먼저 연결된 샤드가 그 사용자를 맡습니다.',
        ),
        { a, b },
      ),
    ),
  linkCut: (node: string, to: string) =>
    d(
      node,
      'warning',
      'linkCut',
      fill(
        t(
          'The link to {to} is cut: requests sent over it fail.',
          '{to}(으)로 가는 연결이 끊겨 그쪽으로 보낸 요청은 실패합니다.',
        ),
        {
          to,
        },
      ),
    ),
  routingLoop: (node: string, to: string) =>
    d(
      node,
      'error',
      'routingLoop',
      fill(
        t(
          'Requests can go round in a loop through {to} without getting closer to an answer: that link is ignored and its requests fail.',
          '요청이 {to}을(를) 거쳐 제자리를 맴돌 수 있습니다. 이 연결은 무시되고 그 요청은 실패합니다.',
        ),
        { to },
      ),
    ),
  cycle: (node: string, to: string) =>
    d(
      node,
      'warning',
      'cycle',
      fill(
        t(
          'This node and {to} call each other (a loop of calls). The kernel computes the call back to {to} one step late.',
          '이 노드와 {to}이(가) 서로를 호출합니다(호출 순환). {to}(으)로 되돌아가는 호출은 한 단계 늦게 계산됩니다.',
        ),
        { to },
      ),
    ),
  listenerBlocked: (node: string, sgPort: number, listenerPort: number) =>
    d(
      node,
      'error',
      'listenerBlocked',
      fill(
        t(
          'Its security group admits port {sg}, but the listener is on port {port}: clients cannot connect.',
          '보안 그룹은 {sg} 포트를 허용하지만 리스너는 {port} 포트에 있어 클라이언트가 접속할 수 없습니다.',
        ),
        { sg: sgPort, port: listenerPort },
      ),
    ),
  wrongPort: (node: string, lb: string, targetPort: number, listenPort: number) =>
    d(
      node,
      'error',
      'wrongPort',
      fill(
        t(
          '{lb} forwards to port {tp}, but this server listens on port {lp}: its health checks fail and it gets no traffic.',
          '{lb}은(는) {tp} 포트로 전달하지만 이 서버는 {lp} 포트를 듣습니다. 헬스 체크가 실패해 트래픽을 받지 못합니다.',
        ),
        { lb, tp: targetPort, lp: listenPort },
      ),
    ),
  pathNotAnswered: (node: string, lb: string, path: string) =>
    d(
      node,
      'error',
      'pathNotAnswered',
      fill(
        t(
          '{lb} checks the path {path}, which this server does not answer with 200: it is marked unhealthy and gets no traffic.',
          '{lb}은(는) {path} 경로를 확인하는데, 이 서버는 그 경로에 200으로 답하지 않아 비정상으로 표시되고 트래픽을 받지 못합니다.',
        ),
        { lb, path },
      ),
    ),
  securityGroup: (node: string, lb: string, port: number) =>
    d(
      node,
      'error',
      'securityGroup',
      fill(
        t(
          'Its security group does not admit {lb} on port {port}: health checks time out and it gets no traffic.',
          '보안 그룹이 {port} 포트로 오는 {lb}을(를) 허용하지 않아 헬스 체크가 시간 초과되고 트래픽을 받지 못합니다.',
        ),
        { lb, port },
      ),
    ),
  blockedBySecurityGroup: (node: string, from: string, internet: boolean) =>
    d(
      node,
      'error',
      'securityGroup',
      fill(
        internet
          ? t(
              'Its security group does not admit requests from the internet on the port it listens on: requests from {from} are dropped. Allow source "anywhere" on the listen port.',
              '보안 그룹이 수신 포트로 오는 인터넷 요청을 허용하지 않아 {from}의 요청이 버려집니다. 수신 포트에 출발지 "어디서나"를 허용하세요.',
            )
          : t(
              'Its security group does not admit {from} on the port it listens on: those calls are dropped. Allow source "vpc" (or "anywhere") on the listen port.',
              '보안 그룹이 수신 포트로 오는 {from}의 호출을 허용하지 않아 그 호출이 버려집니다. 수신 포트에 출발지 "VPC"(또는 "어디서나")를 허용하세요.',
            ),
        { from },
      ),
    ),
  unusedDbRole: (node: string, db: string) =>
    d(
      node,
      'warning',
      'unusedDbRole',
      fill(
        t(
          'This server still runs the db role, so it answers its own queries and {db} gets none. Remove the db role to use {db}.',
          '이 서버가 아직 DB 역할을 하고 있어 쿼리를 스스로 처리하고 {db}은(는) 아무 쿼리도 받지 않습니다. {db}을(를) 쓰려면 DB 역할을 빼세요.',
        ),
        { db },
      ),
    ),
  replicaNoPrimary: (node: string) =>
    d(
      node,
      'warning',
      'replicaNoPrimary',
      t(
        'No primary sends its writes here, so this replica never changes. Link a DB primary to it.',
        '어느 프라이머리도 쓰기를 보내지 않아 이 복제본은 바뀌지 않습니다. DB 프라이머리를 연결하세요.',
      ),
    ),
  unknownNode: (id: string) =>
    d(
      id,
      'warning',
      'unknownNode',
      fill(
        t(
          'An event names "{id}", which is not in the topology: it was ignored.',
          '이벤트가 토폴로지에 없는 "{id}"을(를) 가리켜 무시했습니다.',
        ),
        {
          id,
        },
      ),
    ),
};

const round = (v: number) => String(Math.round(v * 100) / 100);
