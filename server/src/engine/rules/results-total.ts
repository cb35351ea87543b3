import { identityRule } from './identity';

export default identityRule('results-total', 'error', {
  en: 'In table 三, （七）总计 must equal the sum of every result row （一） to （六） (with their numbered sub-rows), in each column. When it does not, either a result was not itemised or the total is wrong.',
  'zh-cn': '表三中，“（七）总计”在每一列都应等于（一）至（六）各办理结果（含其下各小项）之和。不相等说明某项结果未分列，或总计填写有误。',
});
