// 国办公开办函〔2021〕30号: the tables for reports on 2021 and later.
import {
  applicationColumns, applicationGroups, applicationHeaderLabels, applicationIdentities, applicationRowsHead,
  applicationRowsTail, parts, proactiveHeaderLabels, resultRowsHead, reviewIdentities, reviewLitigation,
} from './common';

const decisions = [{ id: 'decisions', label: '本年处理决定数量' }];
const otherRows = [
  {
    id: 'other.no_correction', group: 'other_group',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', variants: ['1.逾期不补正'],
  },
  {
    id: 'other.no_fee', group: 'other_group',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', variants: ['2.逾期不缴费'],
  },
  { id: 'other.other', label: '3.其他', group: 'other_group' },
];

export default {
  generation: '2021' as const,
  prescribedBy: '国办公开办函〔2021〕30号',
  years: { from: 2021 },
  parts,
  part6Mentions: ['信息处理费'],
  tables: [
    {
      id: 'proactive', part: 2, name: '表二', headerLabels: proactiveHeaderLabels, groups: [],
      blocks: [
        {
          id: 'art20_1', label: '第二十条第（一）项',
          columns: [
            { id: 'issued', label: '本年制发件数' },
            { id: 'repealed', label: '本年废止件数' },
            { id: 'in_force', label: '现行有效件数' },
          ],
          rows: [{ id: 'regulations', label: '规章' }, { id: 'normative_documents', label: '行政规范性文件', variants: ['规范性文件'] }],
        },
        { id: 'art20_5', label: '第二十条第（五）项', columns: decisions, rows: [{ id: 'licensing', label: '行政许可' }] },
        {
          id: 'art20_6', label: '第二十条第（六）项', columns: decisions,
          rows: [{ id: 'penalty', label: '行政处罚' }, { id: 'enforcement', label: '行政强制' }],
        },
        {
          id: 'art20_8', label: '第二十条第（八）项',
          columns: [{ id: 'fee_amount', label: '本年收费金额（单位：万元）', variants: ['本年收费金额'], kind: 'amount' as const, unit: '万元' }],
          rows: [{ id: 'fees', label: '行政事业性收费' }],
        },
      ],
    },
    {
      id: 'applications', part: 3, name: '表三', headerLabels: applicationHeaderLabels,
      groups: [...applicationGroups, { id: 'other_group', label: '（六）其他处理', parent: 'results' }],
      blocks: [{
        id: 'applications', label: null, columns: applicationColumns,
        rows: [...applicationRowsHead, ...otherRows, ...applicationRowsTail],
      }],
    },
    reviewLitigation,
  ],
  identities: [...applicationIdentities([...resultRowsHead, ...otherRows.map(r => r.id)]), ...reviewIdentities],
};
