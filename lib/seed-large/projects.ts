// Project names, notes and void reasons for generated pledges, in the words a county ledger uses.
import type { CategoryCode } from '../codes';
import type { Random } from './random';

const CROPS = ['茶叶', '板栗', '刺梨', '猕猴桃', '辣椒', '中药材', '高山蔬菜', '精品水果', '油茶', '蓝莓', '花椒', '百香果', '食用菌', '薏仁米', '李子'];
const LIVESTOCK = ['生猪', '肉牛', '黑山羊', '林下鸡', '中蜂', '稻田鱼'];

/** {p}: the place's name, {c}: a crop, {l}: livestock, {y}: the pledge's year. */
const TEMPLATES: Record<CategoryCode, string[]> = {
  industry: ['{p}{c}种植基地', '{p}{l}养殖项目', '{p}{c}产业扶持资金', '{p}{c}加工车间', '{p}{c}育苗大棚', '{p}村集体经济发展项目', '{p}{l}养殖场扩建', '{p}冷链仓储设施'],
  consumption: ['{p}{c}消费帮扶采购', '“以购代捐”{c}采购', '农特产品展销采购（{y}年）', '{y}年度消费帮扶', '食堂采购{p}农产品', '{c}线上直播带货'],
  education: ['{p}小学爱心助学金', '{p}中学奖助学金', '“春蕾计划”助学', '{p}幼儿园改造', '乡村学校图书室', '学生营养午餐补助', '{p}学校多媒体教室', '困难学生学习用品'],
  health: ['{p}卫生院医疗设备', '{p}卫生室建设', '大病医疗救助', '远程会诊设备', '{p}义诊活动', '孕产妇健康筛查'],
  party_building: ['{p}党群服务中心修缮', '村级活动场所设备', '{p}党员活动室', '基层党组织书记培训', '“党建+产业”示范点'],
  infrastructure: ['{p}通组路硬化', '{p}安全饮水工程', '{p}太阳能路灯', '{p}人居环境整治', '{p}产业路建设', '{p}便民桥', '{p}农村危房改造', '{p}文化广场'],
  epidemic: ['防疫物资捐赠', '{p}疫情防控物资', '口罩和消毒用品', '{p}核酸检测点物资', '疫情期间生活物资'],
  training: ['{p}基层干部培训', '致富带头人培训', '{p}农村实用技术培训', '劳动力转移就业技能培训', '电商人才培训', '乡村医生培训'],
};

export function projectName(random: Random, category: CategoryCode, placeNameZh: string, year: number): string {
  return random
    .pick(TEMPLATES[category])
    .replace('{p}', placeNameZh)
    .replace('{c}', random.pick(CROPS))
    .replace('{l}', random.pick(LIVESTOCK))
    .replace('{y}', String(year));
}

const NOTES = ['结对帮扶项目', '分批拨付', '以购代捐', '资金拨付至乡镇财政所统一管理', '物资已由村委会签收', '受益对象为脱贫户和监测户', '含运输费用', '项目由县乡村振兴局统筹实施', '帮扶单位指定用途'];

export function pledgeNote(random: Random): string {
  return random.pick(NOTES);
}

export const PLEDGE_VOID_REASONS = ['重复录入', '帮扶单位撤回认捐', '项目取消', '信息录入错误，已重新登记', '项目合并至其他认捐'];
export const RECEIPT_VOID_REASONS = { wrongAmount: '金额录入错误，已重新登记', duplicate: '重复登记' } as const;

export const CONFIRMERS = ['村委会', '村党支部', '乡镇财政所', '乡镇人民政府', '县乡村振兴局', '学校', '乡镇卫生院'];
