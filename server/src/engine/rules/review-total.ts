import { identityRule } from './identity';

export default identityRule('review-total', 'error', {
  en: 'In table 四, each group (行政复议, 未经复议直接起诉, 复议后起诉) has a 总计 that must equal 结果维持 + 结果纠正 + 其他结果 + 尚未审结.',
  'zh-cn': '表四中，行政复议、未经复议直接起诉、复议后起诉各组的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。',
});
