/** Korean messages. Same keys as `en.ts`; TypeScript and a unit test keep them in step. */
import type { en } from './en';

export const ko = {
  'app.name': 'Scale-Out Lab',

  'toolbar.label': '편집',
  'toolbar.undo': '실행 취소',
  'toolbar.redo': '다시 실행',
  'toolbar.delete': '선택 항목 삭제',
  'toolbar.duplicate': '선택 항목 복제',
  'toolbar.fitView': '전체 보기',
  'toolbar.shortcut': '{action} ({keys})',

  'theme.label': '테마',
  'theme.system': '시스템 설정',
  'theme.light': '밝게',
  'theme.dark': '어둡게',
  'lang.label': '언어',

  'layout.palette': '구성 요소',
  'layout.inspector': '속성',
  'layout.canvas': '토폴로지 캔버스',
  'layout.showPalette': '구성 요소 열기',
  'layout.showInspector': '속성 열기',
  'layout.close': '닫기',

  'palette.hint': '캔버스로 끌어다 놓거나 눌러서 추가하세요.',
  'palette.add': '{kind} 추가',
  'category.traffic': '트래픽',
  'category.network': '네트워크',
  'category.compute': '컴퓨팅',
  'category.data': '데이터',

  'canvas.emptyTitle': '상자 하나로 시작해 보세요',
  'canvas.emptyBody':
    '구성 요소에서 사용자와 서버를 끌어다 놓은 뒤, 사용자의 오른쪽 끝에서 서버까지 끌어서 연결하세요.',
  'canvas.deleteLink': '연결 삭제',
  'canvas.minimap': '미니맵',

  'card.vcpu': 'vCPU {n}개',
  'card.perHour': '시간당 {price}',
  'card.asgSize': '희망 {desired}대 · {min}–{max}대',
  'card.roles': '역할',
  'role.web': '웹',
  'role.app': '앱',
  'role.db': 'DB',

  'inspector.label': '이름',
  'inspector.id': 'ID {id}',
  'inspector.general': '일반',
  'inspector.multi': '노드 {nodes}개, 연결 {links}개 선택됨',
  'inspector.multiHint':
    '하나만 선택하면 편집할 수 있습니다. 삭제하면 선택한 항목이 모두 지워집니다.',
  'inspector.instanceDetail': 'vCPU {vcpu}개 · 속도 ×{speed} · 시간당 {price}',
  'inspector.instanceOption': '{name} · vCPU {vcpu}개 · ×{speed} · 시간당 {price}',
  'inspector.on': '켜기',

  'link.title': '연결',
  'link.fromTo': '{from} → {to}',
  'link.latency': '지연 시간',
  'link.latencyHelp':
    '이 구간의 왕복 네트워크 지연입니다. 비워 두면 가용 영역 기본값을 씁니다: 같은 영역 0.25 ms, 다른 영역 1 ms.',
  'link.latencyDefault': 'AZ 기본값',
  'link.weight': '가중치',
  'link.weightHelp':
    '호출하는 쪽이 가중치 정책(로드 밸런서나 DNS)을 쓸 때 이 연결이 받는 트래픽 몫입니다.',
  'link.cut': '끊김 (네트워크 단절)',
  'link.cutHelp':
    '끊긴 연결로는 아무것도 오가지 않습니다. 두 노드 사이의 네트워크가 끊긴 것과 같습니다.',
  'link.delete': '연결 삭제',

  'summary.name': '토폴로지 이름',
  'summary.untitled': '이름 없는 토폴로지',
  'summary.nodes': '노드',
  'summary.links': '연결',
  'summary.cost': '머신 비용',
  'summary.costValue': '시간당 {price}',
  'summary.hintSelect': '노드나 연결을 선택하면 여기에서 설정을 바꿀 수 있습니다.',
  'summary.hintConnect':
    '노드의 오른쪽 핸들에서 다른 노드의 왼쪽 핸들까지 끌면 연결됩니다. 연결은 호출하는 쪽에서 호출받는 쪽을 향합니다.',
  'summary.hintMulti': '캔버스에서 Shift를 누른 채 클릭하거나 끌면 여러 개를 선택합니다.',
  'summary.hintKeys': 'Ctrl/Cmd+Z 실행 취소 · Ctrl/Cmd+D 복제 · Delete 삭제',

  'unit.req/s': 'req/s',
  'unit.ms': 'ms',
  'unit.s': '초',
  'unit.%': '%',
  'unit.port': '',
  'unit.count': '',
  'unit.users': '명',
  'unit.ratio': '0–1',
  'unit.x': '×',
  'unit.none': '',
  'field.range': '{min}~{max}',

  'notice.dismiss': '닫기',
  'notice.region': '알림',
  'storage.failed':
    '이 브라우저에서는 변경 내용이 저장되지 않고 있습니다: {reason}. 이 탭을 열어 두는 동안에는 아무것도 사라지지 않으며, 다음에 바꿀 때 다시 저장해 봅니다.',
  'storage.quota': '저장 공간이 가득 찼습니다',
  'storage.denied': '저장소 사용이 막혀 있습니다(시크릿 모드 또는 사이트 설정)',
  'storage.unavailable': '저장소를 쓸 수 없습니다',
  'storage.backupPending': '읽을 수 없는 예전 저장본을 백업하지 못해 그대로 두었습니다',
  'restore.failed':
    '저장된 작업 공간을 열 수 없습니다: {problem}. 원래 내용은 "{key}"에 보관했고, 빈 작업 공간으로 시작합니다.',
  'restore.failedNoBackup':
    '저장된 작업 공간을 열 수 없습니다: {problem}. 원래 내용은 건드리지 않았으며, 백업할 수 있을 때까지 자동 저장을 멈춥니다.',
  'restore.badJson': '올바른 JSON이 아닙니다',
  'restore.notEnvelope': 'Scale-Out Lab 저장본이 아닙니다',
  'restore.newer':
    '더 새로운 버전의 Scale-Out Lab에서 저장했습니다(저장 형식 {v}). 이 버전은 형식 {current}까지 읽습니다',

  'rf.nodeHelp':
    'Enter나 Space로 노드를 선택한 뒤 화살표 키로 옮길 수 있습니다. Delete는 삭제, Escape는 취소입니다.',
  'rf.nodeMoved': '선택한 노드를 {direction}(으)로 옮겼습니다. 새 위치 x {x}, y {y}.',
  'rf.edgeHelp': 'Enter나 Space로 연결을 선택한 뒤 Delete로 지울 수 있습니다.',
  'rf.controls': '확대/축소',
  'rf.zoomIn': '확대',
  'rf.zoomOut': '축소',
  'rf.fitView': '전체 보기',
  'rf.interactive': '편집 잠금/해제',
  'rf.handle': '연결 핸들',
  'rf.handleIn': '들어오는 쪽: 호출하는 노드에서 끌어온 연결을 여기에 놓으세요',
  'rf.handleOut': '나가는 쪽: 여기서 이 노드가 호출할 노드까지 끄세요',
  'dir.up': '위',
  'dir.down': '아래',
  'dir.left': '왼쪽',
  'dir.right': '오른쪽',

  'error.title': "'{panel}' 영역에 문제가 생겼습니다.",
  'error.body': '토폴로지는 안전합니다. 아무것도 바뀌지 않았습니다.',
  'error.retry': '다시 시도',

  'playback.label': '재생',
  'playback.play': '재생',
  'playback.pause': '일시 정지',
  'playback.playHint': '재생 또는 일시 정지 (Space)',
  'playback.step': '한 단계',
  'playback.stepHint': '시뮬레이션 시간을 {seconds}초 진행합니다',
  'playback.reset': '처음으로',
  'playback.resetHint': '지금 토폴로지로 0:00부터 다시 시작합니다',
  'playback.speed': '속도',
  'playback.speedOption': '{speed}×',
  'playback.time': '시뮬레이션 시간',
  'playback.throughput': '전체 기준 초당 응답한 요청 수',
  'playback.errors': '오류 {value} %',
  'playback.errorsHint': '실패한 시도의 비율(오류, 거부, 시간 초과)',
  'playback.p95': 'p95 {value} ms',
  'playback.p95Hint': '전체 요청의 95 %가 이 시간 안에 끝납니다',
  'playback.cost': '{value}/h',
  'playback.costHint': '실행 중인 머신의 시간당 비용',
  'playback.behind': '{speed}×로 실행 중(컴퓨터가 따라가지 못합니다)',

  'sim.notice.crashed':
    '시뮬레이션이 예기치 않게 멈춰 {time}부터 지금 토폴로지로 다시 시작했습니다. 큐와 캐시는 그 시점부터 새로 채워집니다.',
  'sim.notice.hung':
    '시뮬레이션이 응답하지 않아 {time}부터 지금 토폴로지로 다시 시작했습니다. 큐와 캐시는 그 시점부터 새로 채워집니다.',
  'sim.notice.fallback':
    '이 환경에서는 백그라운드 워커를 쓸 수 없어 페이지에서 직접 시뮬레이션합니다. 조금 느릴 수 있습니다.',
  'sim.notice.failed':
    '시뮬레이션이 계속 실패해 멈췄습니다({detail}). 토폴로지는 그대로입니다. 처음으로를 눌러 0:00부터 다시 시도하세요.',
  'sim.notice.error': '오류로 시뮬레이션을 일시 정지했습니다: {detail}',

  'metrics.cpu': 'CPU {value} %',
  'metrics.rate': '{value} req/s',
  'metrics.p95': 'p95 {value} ms',
  'metrics.errors': '{value} 오류/s',
  'metrics.errorsHint': '초당 실패, 거부 또는 시간 초과된 요청 수',
  'metrics.diagnostics': '문제 {count}개. 첫 번째: {first}',
  'health.down': '중단',
  'health.unhealthy': '비정상',
  'health.starting': '시작 중',
} as const satisfies Record<keyof typeof en, string>;
