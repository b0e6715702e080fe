import type { Language } from './language';
import type { Localized } from './localized';

type Label = readonly [zh: string, en: string];

/**
 * The one table of field labels (issue 11): what a request field is called, in Chinese and
 * English, so an error names 公司名称 rather than `companyName`. Keys are field paths as the
 * API reports them (`details[].field`) with array indexes written `[]`: `committed.production`,
 * `nodes[]` (one item of the list), `nodes[].kind` (said after its item: 第3个节点的类型).
 * A top-level name is also the fallback for the same name deeper down (`ownership.owner.userId`
 * is said as `userId`). Every property the API validates has an entry (field-labels.spec.ts in
 * apps/api walks the DTO classes), so a new field without a label fails the tests.
 */
const LABELS = {
  // The request itself and path parameters.
  body: ['请求体', 'request body'],
  id: ['编号', 'id'],
  requestId: ['服务请求编号', 'service request id'],
  key: ['时限策略', 'SLA policy'],
  file: ['文件', 'file'],
  'Idempotency-Key': ['幂等键（Idempotency-Key）', 'Idempotency-Key'],
  row: ['记录', 'record'],

  // Leads (POST /leads) and the project list's filters.
  companyName: ['公司名称', 'company name'],
  contactName: ['联系人', 'contact name'],
  contactPhone: ['联系电话', 'contact phone'],
  industryChain: ['产业链', 'industry chain'],
  industryChainId: ['产业链', 'industry chain'],
  estimatedInvestmentYi: ['预计投资额（亿元）', 'estimated investment (100 million yuan)'],
  sourceChannel: ['线索来源', 'source channel'],
  infoGrade: ['信息等级', 'information grade'],
  fortune500: ['是否500强', 'Fortune 500'],
  fortune500Lists: ['500强榜单', 'Fortune 500 lists'],
  fortune500List: ['500强榜单', 'Fortune 500 list'],
  fortune500Count: ['500强项目数', 'Fortune 500 projects'],
  specializedSme: ['是否专精特新', 'specialised SME'],
  specializedSmeLevel: ['专精特新等级', 'specialised SME level'],
  listedCompany: ['是否上市公司', 'listed company'],
  origin: ['投资方来源', 'investor origin'],
  creditCode: ['统一社会信用代码', 'unified social credit code'],
  kind: ['类型', 'kind'],
  notes: ['备注', 'notes'],
  confirmDuplicateOf: ['确认重复的项目', 'confirmed duplicate of'],
  ownerUserId: ['项目负责人', 'project owner'],
  campaignId: ['招商行动', 'campaign'],
  stage: ['阶段', 'stage'],
  overdue: ['是否超期', 'overdue'],
  registeredFrom: ['登记日期起', 'registered from'],
  registeredTo: ['登记日期止', 'registered to'],
  signedFrom: ['签约日期起', 'signed from'],
  signedTo: ['签约日期止', 'signed to'],
  minYi: ['最低投资额（亿元）', 'minimum investment (100 million yuan)'],
  maxYi: ['最高投资额（亿元）', 'maximum investment (100 million yuan)'],
  band: ['投资额区间', 'investment band'],
  imported: ['是否导入', 'imported'],
  reporterUserId: ['报送人', 'reporter'],
  reporterDepartmentId: ['报送部门', 'reporting department'],
  teamId: ['小分队', 'team'],
  departmentId: ['部门', 'department'],
  q: ['搜索词', 'search text'],
  sort: ['排序', 'sort order'],
  page: ['页码', 'page'],
  pageSize: ['每页条数', 'page size'],
  projectId: ['项目', 'project'],

  // Intake, negotiation, ownership, visits, funds.
  action: ['研判结果', 'action'],
  reason: ['原因', 'reason'],
  missing: ['需补充的信息', 'missing information'],
  response: ['补充的信息', 'response'],
  date: ['日期', 'date'],
  participants: ['参与人员', 'participants'],
  location: ['地点', 'location'],
  outcome: ['结果', 'outcome'],
  summary: ['摘要', 'summary'],
  amountYi: ['到位金额（亿元）', 'amount (100 million yuan)'],
  amountWanYuan: ['金额（万元）', 'amount (10 thousand yuan)'],
  source: ['资金来源', 'source of funds'],
  evidence: ['凭证', 'evidence'],
  'ownership.owner.userId': ['项目负责人', 'project owner'],
  'ownership.owner.teamId': ['负责小分队', 'owning team'],
  'ownership.owner.departmentId': ['负责部门', 'owning department'],
  'ownership.campaignId': ['招商行动', 'campaign'],
  'decidedBy.userId': ['研判人', 'decided by'],

  // Signing and the commissioner.
  contract: ['合同', 'contract'],
  contractNo: ['合同编号', 'contract number'],
  contractInvestmentYi: ['合同投资额（亿元）', 'contract investment (100 million yuan)'],
  signedOn: ['签约日期', 'signing date'],
  committed: ['承诺日期', 'committed dates'],
  'committed.constructionStart': ['承诺开工日期', 'committed construction start'],
  'committed.equipmentEntry': ['承诺设备进场日期', 'committed equipment entry'],
  'committed.production': ['承诺投产日期', 'committed production'],
  'committed.firstTax': ['承诺首次纳税日期', 'committed first tax'],
  landAreaM2: ['用地面积（平方米）', 'land area (m²)'],
  factoryAreaM2: ['厂房面积（平方米）', 'factory area (m²)'],
  commissionerUserId: ['项目专员', 'commissioner'],
  commissionerName: ['项目专员姓名', 'commissioner name'],

  // Construction: the milestone plan.
  nodes: ['节点计划', 'nodes'],
  'nodes[]': ['节点', 'node'],
  'nodes[].kind': ['类型', 'kind'],
  'nodes[].responsibleUserId': ['责任人', 'responsible person'],
  'nodes[].responsibleName': ['责任人姓名', 'responsible person name'],
  'nodes[].todos': ['待办事项', 'to-dos'],
  'nodes[].todos[]': ['项待办事项', 'to-do'],
  'nodes[].dueOn': ['计划完成日期', 'due date'],
  'plan.nodes[]': ['节点', 'node'],
  'plan.nodes[].responsibleUserId': ['责任人', 'responsible person'],
  changes: ['调整的节点', 'changes'],
  'changes[]': ['项调整', 'change'],
  'changes[].kind': ['节点类型', 'node kind'],
  'changes[].dueOn': ['新的计划完成日期', 'new due date'],
  completedOn: ['完成日期', 'completion date'],
  actualDate: ['实际投产日期', 'actual production date'],
  note: ['说明', 'note'],
  dueOn: ['计划完成日期', 'due date'],

  // Fulfilment and closure.
  investmentInPlaceYi: ['实际到位投资（亿元）', 'investment in place (100 million yuan)'],
  taxPaidWanYuan: ['实缴税收（万元）', 'tax paid (10 thousand yuan)'],
  fulfilled: ['是否履约', 'fulfilled'],
  approver: ['批准人', 'approver'],

  // Identity.
  username: ['用户名', 'username'],
  password: ['密码', 'password'],
  zone: ['园区', 'zone'],
  currentPassword: ['当前密码', 'current password'],
  newPassword: ['新密码', 'new password'],

  // Service requests.
  status: ['状态', 'status'],
  department: ['部门', 'department'],
  category: ['类别', 'category'],
  title: ['标题', 'title'],
  description: ['描述', 'description'],
  toDepartment: ['转办部门', 'department to transfer to'],
  resolution: ['办理结果', 'resolution'],
  rating: ['评价', 'rating'],
  comment: ['评价意见', 'comment'],

  // Audit.
  from: ['开始时间', 'from'],
  to: ['结束时间', 'to'],
  userId: ['用户', 'user'],
  actor: ['操作人', 'actor'],
  actorUserId: ['操作人', 'actor'],
  subject: ['对象', 'subject'],

  // Organisation.
  name: ['名称', 'name'],
  code: ['编码', 'code'],
  parentId: ['上级部门', 'parent department'],
  active: ['是否启用', 'active'],
  chiefUserId: ['链长', 'chain chief'],
  deputyUserIds: ['副链长', 'deputy chiefs'],
  'deputyUserIds[]': ['位副链长', 'deputy chief'],
  sortOrder: ['排序号', 'sort order'],
  leaderUserId: ['队长', 'team leader'],
  memberUserIds: ['队员', 'team members'],
  'memberUserIds[]': ['位队员', 'team member'],
  displayName: ['姓名', 'display name'],
  role: ['角色', 'role'],
  teamIds: ['小分队', 'teams'],
  'teamIds[]': ['个小分队', 'team'],
  email: ['电子邮箱', 'e-mail address'],

  // KPIs, targets and campaigns.
  groupBy: ['分组方式', 'group by'],
  period: ['统计周期', 'period'],
  asOf: ['截至日期', 'as of'],
  team: ['小分队', 'team'],
  chain: ['产业链', 'industry chain'],
  campaign: ['招商行动', 'campaign'],
  officer: ['招商人员', 'officer'],
  format: ['格式', 'format'],
  year: ['年度', 'year'],
  scopeKind: ['目标对象类型', 'target scope'],
  scopeId: ['目标对象', 'target scope id'],
  fundsInPlaceYi: ['到位资金（亿元）', 'funds in place (100 million yuan)'],
  countGe1: ['亿元以上项目数', 'projects of 100 million yuan or more'],
  countGe5: ['5亿元以上项目数', 'projects of 500 million yuan or more'],
  countGe10: ['10亿元以上项目数', 'projects of 1 billion yuan or more'],
  activeOn: ['进行日期', 'active on'],
  by: ['排名方式', 'rank by'],
  officerUserIds: ['招商人员', 'officers'],
  'officerUserIds[]': ['位招商人员', 'officer'],
  startsOn: ['开始日期', 'start date'],
  endsOn: ['结束日期', 'end date'],
  targets: ['目标', 'targets'],
  'targets.contractInvestmentYi': ['签约投资目标（亿元）', 'contract investment target (100 million yuan)'],
  'targets.fundsInPlaceYi': ['到位资金目标（亿元）', 'funds in place target (100 million yuan)'],
  'targets.signedProjects': ['签约项目数目标', 'signed projects target'],
  'targets.leads': ['线索数目标', 'leads target'],
  records: ['导入记录', 'records'],
  'records[]': ['条记录', 'record'],

  // Notifications and webhooks.
  channel: ['渠道', 'channel'],
  channels: ['通知渠道', 'channels'],
  event: ['事件', 'event'],
  unread: ['是否未读', 'unread'],
  url: ['地址', 'URL'],
  secret: ['签名密钥', 'secret'],

  // SLA policies, clocks, recalculation, calendar.
  duration: ['时限', 'duration'],
  'duration.unit': ['时限单位', 'duration unit'],
  'duration.hours': ['时限小时数', 'duration hours'],
  'duration.days': ['时限工作日数', 'duration working days'],
  'duration.endsAt': ['截止时刻', 'ends at'],
  warnings: ['预警', 'warnings'],
  'warnings[]': ['级预警', 'warning'],
  'warnings[].fraction': ['时限比例', 'fraction'],
  'warnings[].notify': ['通知对象', 'notify'],
  'warnings[].department': ['通知部门', 'department'],
  escalations: ['升级', 'escalations'],
  'escalations[]': ['级升级', 'escalation'],
  'escalations[].afterBreachHours': ['超期后小时数', 'hours after the breach'],
  'escalations[].notify': ['通知对象', 'notify'],
  'escalations[].department': ['通知部门', 'department'],
  policyKey: ['时限策略', 'SLA policy'],
  clock: ['计时', 'clock'],
  withinHours: ['小时数', 'within hours'],
  escalationLevel: ['升级级别', 'escalation level'],
  scope: ['范围', 'scope'],
  working: ['是否上班', 'working day'],
} as const satisfies Record<string, Label>;

export type LabelledField = keyof typeof LABELS;

/** Every label, as zh/en texts. */
export const FIELD_LABELS: Readonly<Record<string, Localized>> = Object.freeze(
  Object.fromEntries(Object.entries(LABELS).map(([path, [zh, en]]) => [path, { zh, en }])),
);

/** `nodes[2].kind` → `nodes[].kind`: the key a path's label is found under. */
export function labelKey(path: string): string {
  return path.replace(/\[\d+\]/g, '[]').replace(/\.(\d+)(?=\.|$)/g, '[]');
}

/** Whether a field path (indexes allowed) has a label of its own: the whole path or, nested, its last name. */
export function hasFieldLabel(path: string): boolean {
  const key = labelKey(path);
  return key in FIELD_LABELS;
}

/**
 * A field path said in `language`: `companyName` → 公司名称; `committed.production` → 承诺投产日期;
 * `nodes[2].kind` → 第3个节点的类型 / "kind of node 3". A name without a label of its own is said
 * by its last name's label, and failing that by its code (never an empty label).
 */
export function fieldLabel(path: string, language: Language): string {
  const parts: string[] = [];
  const units = path.split(/(\[\d+\])/).filter((u) => u !== '');
  let key = '';
  units.forEach((unit, i) => {
    const index = /^\[(\d+)\]$/.exec(unit);
    if (index) {
      key += '[]';
      const ordinal = Number(index[1]) + 1;
      const item = FIELD_LABELS[key];
      if (language === 'en') parts.push(item ? `${item.en} ${ordinal}` : `${key.replace(/\[\]$/, '')} item ${ordinal}`);
      else parts.push(item ? `第${ordinal}${/^[项个位级条]/.test(item.zh) ? '' : '个'}${item.zh}` : `第${ordinal}项`);
      return;
    }
    key += unit;
    // A name followed by an index is said by its item ("第3个节点"), not by the list.
    if (i + 1 < units.length) return;
    const name = key.replace(/^\./, '');
    const own = FIELD_LABELS[name] ?? FIELD_LABELS[name.slice(name.lastIndexOf('.') + 1)];
    const text = own ? (language === 'en' ? own.en : own.zh) : name.slice(name.lastIndexOf('.') + 1);
    parts.push(text);
  });
  if (parts.length === 0) return path;
  return language === 'en' ? parts.reverse().join(' of ') : parts.join('的');
}
