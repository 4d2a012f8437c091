/**
 * English messages: the reference catalogue. Every key here must exist in `ko.ts` (checked by the
 * type system and by a unit test). Placeholders are written `{name}`.
 */
export const en = {
  'app.name': 'Scale-Out Lab',

  'toolbar.label': 'Edit',
  'toolbar.undo': 'Undo',
  'toolbar.redo': 'Redo',
  'toolbar.delete': 'Delete selection',
  'toolbar.duplicate': 'Duplicate selection',
  'toolbar.fitView': 'Fit view',
  'toolbar.shortcut': '{action} ({keys})',

  'theme.label': 'Theme',
  'theme.system': 'System',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'lang.label': 'Language',

  'layout.palette': 'Components',
  'layout.inspector': 'Inspector',
  'layout.canvas': 'Topology canvas',
  'layout.showPalette': 'Show components',
  'layout.showInspector': 'Show inspector',
  'layout.close': 'Close',

  'palette.hint': 'Drag onto the canvas, or click to add.',
  'palette.add': 'Add {kind}',
  'category.traffic': 'Traffic',
  'category.network': 'Network',
  'category.compute': 'Compute',
  'category.data': 'Data',

  'canvas.emptyTitle': 'Start with one box',
  'canvas.emptyBody':
    'Drag Users and a Server from the components, then drag from the right edge of Users to the Server to connect them.',
  'canvas.deleteLink': 'Delete link',
  'canvas.minimap': 'Mini map',

  'card.vcpu': '{n} vCPU',
  'card.perHour': '{price}/h',
  'card.asgSize': 'desired {desired} · {min}–{max}',
  'card.roles': 'Roles',
  'role.web': 'Web',
  'role.app': 'App',
  'role.db': 'DB',

  'inspector.label': 'Label',
  'inspector.id': 'ID {id}',
  'inspector.general': 'General',
  'inspector.multi': '{nodes} nodes and {links} links selected',
  'inspector.multiHint': 'Select a single item to edit it. Delete removes the whole selection.',
  'inspector.instanceDetail': '{vcpu} vCPU · speed ×{speed} · {price}/h',
  'inspector.instanceOption': '{name} · {vcpu} vCPU · ×{speed} · {price}/h',
  'inspector.on': 'On',

  'link.title': 'Link',
  'link.fromTo': '{from} → {to}',
  'link.latency': 'Latency',
  'link.latencyHelp':
    'Round-trip network latency of this hop. Leave blank for the zone default: 0.25 ms within an availability zone, 1 ms across zones.',
  'link.latencyDefault': 'AZ default',
  'link.weight': 'Weight',
  'link.weightHelp':
    'Share of traffic this link gets when the caller uses a weighted policy (load balancer or DNS).',
  'link.cut': 'Cut (network partition)',
  'link.cutHelp': 'A cut link carries nothing, as if the network between the two were down.',
  'link.delete': 'Delete link',

  'summary.name': 'Topology name',
  'summary.untitled': 'Untitled topology',
  'summary.nodes': 'Nodes',
  'summary.links': 'Links',
  'summary.cost': 'Machines',
  'summary.costValue': '{price}/h',
  'summary.hintSelect': 'Select a node or a link to edit its settings here.',
  'summary.hintConnect':
    "Connect two nodes by dragging from a node's right handle to another node's left handle. Links point from caller to callee.",
  'summary.hintMulti': 'Shift-click or Shift-drag on the canvas to select several.',
  'summary.hintKeys': 'Ctrl/Cmd+Z undo · Ctrl/Cmd+D duplicate · Delete removes',

  'unit.req/s': 'req/s',
  'unit.ms': 'ms',
  'unit.s': 's',
  'unit.%': '%',
  'unit.port': '',
  'unit.count': '',
  'unit.users': 'users',
  'unit.ratio': '0–1',
  'unit.x': '×',
  'unit.none': '',
  'field.range': '{min} to {max}',

  'notice.dismiss': 'Dismiss',
  'notice.region': 'Notifications',
  'storage.failed':
    'Changes are not being saved in this browser: {reason}. Nothing is lost while this tab stays open; saving is retried on the next change.',
  'storage.quota': 'the storage is full',
  'storage.denied': 'storage is blocked (private browsing or site settings)',
  'storage.unavailable': 'storage is not available',
  'storage.backupPending': 'an unreadable earlier save could not be backed up, so it is kept as is',
  'restore.failed':
    'The saved workspace could not be opened: {problem}. It was kept under "{key}" and an empty workspace was started.',
  'restore.failedNoBackup':
    'The saved workspace could not be opened: {problem}. It is left untouched and autosave is paused until it can be backed up.',
  'restore.badJson': 'it is not valid JSON',
  'restore.notEnvelope': 'it is not a Scale-Out Lab save',
  'restore.newer':
    'it was saved by a newer version of Scale-Out Lab (save format {v}); this version reads format {current}',

  'rf.nodeHelp':
    'Press Enter or Space to select a node, then the arrow keys to move it. Delete removes it, Escape cancels.',
  'rf.nodeMoved': 'Moved the selected node {direction}. New position x {x}, y {y}.',
  'rf.edgeHelp': 'Press Enter or Space to select a link, then Delete to remove it.',
  'rf.controls': 'Zoom controls',
  'rf.zoomIn': 'Zoom in',
  'rf.zoomOut': 'Zoom out',
  'rf.fitView': 'Fit view',
  'rf.interactive': 'Lock or unlock editing',
  'rf.handle': 'Connection handle',
  'rf.handleIn': 'Incoming: drop a link from a caller here',
  'rf.handleOut': 'Outgoing: drag from here to a node this one calls',
  'dir.up': 'up',
  'dir.down': 'down',
  'dir.left': 'left',
  'dir.right': 'right',

  'error.title': 'The {panel} panel stopped working.',
  'error.body': 'Your topology is safe: nothing in it was changed.',
  'error.retry': 'Try again',

  'playback.label': 'Playback',
  'playback.play': 'Play',
  'playback.pause': 'Pause',
  'playback.playHint': 'Play or pause (Space)',
  'playback.step': 'Step',
  'playback.stepHint': 'Advance {seconds} simulated seconds',
  'playback.reset': 'Reset',
  'playback.resetHint': 'Back to 0:00 with the current topology',
  'playback.speed': 'Speed',
  'playback.speedOption': '{speed}×',
  'playback.time': 'Simulated time',
  'playback.throughput': 'Requests answered per second, end to end',
  'playback.errors': '{value} % err',
  'playback.errorsHint': 'Share of attempts that failed (errors, drops, timeouts)',
  'playback.p95': 'p95 {value} ms',
  'playback.p95Hint': '95 % of requests finish within this time, end to end',
  'playback.cost': '{value}/h',
  'playback.costHint': 'Cost of the running machines per hour',
  'playback.behind': 'running at {speed}× (the computer cannot keep up)',

  'sim.notice.crashed':
    'The simulation stopped unexpectedly and was restarted at {time} with your topology. Queues and caches start fresh from there.',
  'sim.notice.hung':
    'The simulation stopped responding and was restarted at {time} with your topology. Queues and caches start fresh from there.',
  'sim.notice.fallback':
    'Background workers are not available here, so the simulation runs on the page itself and may feel slower.',
  'sim.notice.failed':
    'The simulation failed again and again and was stopped ({detail}). Your topology is untouched; press Reset to try again from 0:00.',
  'sim.notice.error': 'The simulation paused after an error: {detail}',

  'metrics.cpu': 'CPU {value} %',
  'metrics.rate': '{value} req/s',
  'metrics.p95': 'p95 {value} ms',
  'metrics.errors': '{value} err/s',
  'metrics.errorsHint': 'Failed, dropped or timed-out requests per second',
  'metrics.diagnostics': '{count} problems. First: {first}',
  'health.down': 'down',
  'health.unhealthy': 'unhealthy',
  'health.starting': 'starting',
} as const;

export type MessageKey = keyof typeof en;
