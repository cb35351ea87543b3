// 国办公开办函〔2019〕60号: the tables for reports on 2019 and 2020.
import {
  applicationColumns, applicationGroups, applicationHeaderLabels, applicationIdentities, applicationRowsHead,
  applicationRowsTail, parts, proactiveHeaderLabels, resultRowsHead, reviewIdentities, reviewLitigation,
} from './common';

const itemColumns = [
  { id: 'previous_items', label: '上一年项目数量' },
  { id: 'change', label: '本年增/减', kind: 'signed' as const, variants: ['本年增减'] },
  { id: 'decisions', label: '处理决定数量' },
];

export default {
  generation: '2019' as const,
  prescribedBy: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  parts,
  part6Mentions: [],
  tables: [
    {
      id: 'proactive', part: 2, name: '表二', headerLabels: proactiveHeaderLabels, groups: [],
      blocks: [
        {
          id: 'art20_1', label: '第二十条第（一）项',
          columns: [
            { id: 'made', label: '本年新制作数量' },
            { id: 'published', label: '本年新公开数量' },
            { id: 'total_published', label: '对外公开总数量' },
          ],
          rows: [{ id: 'regulations', label: '规章' }, { id: 'normative_documents', label: '规范性文件', variants: ['行政规范性文件'] }],
        },
        {
          id: 'art20_5', label: '第二十条第（五）项', columns: itemColumns,
          rows: [{ id: 'licensing', label: '行政许可' }, { id: 'other_services', label: '其他对外管理服务事项' }],
        },
        {
          id: 'art20_6', label: '第二十条第（六）项', columns: itemColumns,
          rows: [{ id: 'penalty', label: '行政处罚' }, { id: 'enforcement', label: '行政强制' }],
        },
        {
          id: 'art20_8', label: '第二十条第（八）项', columns: itemColumns.slice(0, 2),
          rows: [{ id: 'fees', label: '行政事业性收费' }],
        },
        {
          id: 'art20_9', label: '第二十条第（九）项',
          columns: [
            { id: 'procurement_items', label: '采购项目数量' },
            { id: 'procurement_amount', label: '采购总金额', kind: 'amount' as const, unitAmbiguous: true },
          ],
          rows: [{ id: 'procurement', label: '政府集中采购' }],
        },
      ],
    },
    {
      id: 'applications', part: 3, name: '表三', headerLabels: applicationHeaderLabels, groups: applicationGroups,
      blocks: [{
        id: 'applications', label: null, columns: applicationColumns,
        rows: [...applicationRowsHead, { id: 'other', label: '（六）其他处理', group: 'results' }, ...applicationRowsTail],
      }],
    },
    reviewLitigation,
  ],
  identities: [...applicationIdentities([...resultRowsHead, 'other']), ...reviewIdentities],
};
