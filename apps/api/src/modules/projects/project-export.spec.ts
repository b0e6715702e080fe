import { ApiException } from '../../common/errors/api.exception';
import { PROJECT_EXPORT_MAX_ROWS, projectSheet, requireExportable } from './project-export';
import type { ProjectViewDto } from './dto/project-view.dto';

describe('project export', () => {
  it('takes up to the cap and refuses one more with a 400 that says how many and what to do', () => {
    expect(() => requireExportable(PROJECT_EXPORT_MAX_ROWS)).not.toThrow();
    let refusal: unknown;
    try {
      requireExportable(PROJECT_EXPORT_MAX_ROWS + 1);
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(ApiException);
    const e = refusal as ApiException;
    expect([e.getStatus(), e.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(e.text.zh).toContain(`共 ${PROJECT_EXPORT_MAX_ROWS + 1} 个，超过单次导出上限 ${PROJECT_EXPORT_MAX_ROWS} 个`);
  });

  it('writes labels, not codes: stage, grade, channel, 500强 lists, 专精特新 level, origin, Shanghai time', () => {
    const project = {
      id: '0b6c3c5e-1111-4222-8333-444455556666',
      stageLabel: '洽谈',
      overdue: true,
      lead: {
        companyName: '株洲智造有限公司',
        creditCode: '91440300708461136T',
        contactName: '王经理',
        industryChain: '先进轨道交通装备',
        estimatedInvestmentYi: 5.5,
        sourceChannel: 'small_team',
        infoGrade: 'A',
        kind: 'expansion',
        fortune500: true,
        fortune500Lists: ['global', 'private'],
        listedCompany: true,
        specializedSme: true,
        specializedSmeLevel: 'provincial',
        origin: 'outside_province',
      },
      contract: null,
      ownership: { reporter: { userId: 'u1', displayName: '李明', departmentId: null, teamId: null }, owner: null, campaignId: null },
      registeredBy: { userId: 'u1', role: 'investment_officer', displayName: '李明' },
      registeredAt: '2026-03-01T16:30:00.000Z',
      fundsInPlaceYi: 0,
    } as unknown as ProjectViewDto;
    const sheet = projectSheet([project]);
    const row = Object.fromEntries(sheet.headers.map((h, i) => [h, sheet.body[0][i]]));
    expect(row).toMatchObject({
      企业名称: '株洲智造有限公司',
      阶段: '洽谈',
      是否超期: '是',
      信息等级: 'A类信息',
      项目类型: '增资扩产',
      线索来源: '小分队招商',
      '预计投资（亿元）': 5.5,
      '合同投资（亿元）': null,
      '500强': '世界500强、中国民营企业500强',
      上市公司: '是',
      专精特新: '省级专精特新',
      投资方来源: '省外',
      报送人: '李明',
      登记时间: '2026-03-02 00:30',
    });
  });
});
