import { identityRule } from './identity';

export default identityRule('balance', 'error', {
  en: 'The note in table 三\'s header: 一 (new applications) + 二 (carried over from last year) must equal （七）总计 (handled this year) + 四 (carried forward to next year), in each column. Every application received is either handled or carried forward.',
  'zh-cn': '表三表头注明的勾稽关系：每一列中，“一、本年新收”加“二、上年结转”应等于“（七）总计”加“四、结转下年度继续办理”。收到的每件申请要么办结，要么结转。',
});
