/** Server: one machine running web, app and/or db roles that share its cores. Contract: pure data. */
import { t } from '../text';
import { defineKind } from './defineKind';
import { instanceParams, queueParams, roleDemandParams } from './instance';

export const server = defineKind({
  kind: 'server',
  label: t('Server', '서버'),
  description: t(
    'One machine (an EC2 instance). It can run the web server, the application and the database at once; then they fight over the same cores.',
    '머신 한 대(EC2 인스턴스). 웹 서버, 애플리케이션, 데이터베이스를 함께 돌릴 수 있지만, 그러면 같은 코어를 두고 다툽니다.',
  ),
  category: 'compute',
  icon: 'M4 4h16v6H4zM4 14h16v6H4zM7 7h.01M7 17h.01',
  idPrefix: 'server',
  isInstance: true,
  linksTo: ['server', 'lb', 'dbPrimary', 'dbReplica', 'cache', 'asg'],
  params: {
    roles: {
      type: 'roles',
      default: ['web', 'app', 'db'],
      label: t('Roles', '역할'),
      help: t(
        'What runs on this machine: web (HTTP), app (middleware), db (database). All on one box is where every service starts.',
        '이 머신에서 도는 것: 웹(HTTP), 앱(미들웨어), DB(데이터베이스). 모든 서비스는 한 대에 전부 올린 상태에서 시작합니다.',
      ),
    },
    ...instanceParams('m5.large'),
    ...roleDemandParams,
    ...queueParams,
  },
});
