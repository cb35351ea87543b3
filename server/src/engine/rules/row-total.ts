import { identityRule } from './identity';

export default identityRule('row-total', 'error', {
  en: 'In table 三 every row\'s 总计 must equal the sum of its applicant columns (自然人 and the five kinds of 法人或其他组织). A mismatch usually means a column was added wrongly or a number was mistyped.',
  'zh-cn': '表三每一行的“总计”应等于自然人与法人或其他组织各列之和。不相等通常是某列加错或数字录入有误。',
});
