// Plausible Chinese names for generated places (with pinyin English names) and donors. None is meant to be real.
import type { DonorType, PlaceLevel } from '../codes';
import type { Random } from './random';

type Syllable = readonly [zh: string, pinyin: string];

const syllables = (list: string): Syllable[] =>
  list
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const [zh, py] = pair.split(':');
      return [zh!, py!] as const;
    });

/** First characters of place names: directions, colours, numbers, plants, good wishes, surnames. */
const FIRST = syllables(`
  新:xin 大:da 小:xiao 石:shi 安:an 平:ping 兴:xing 和:he 龙:long 水:shui 红:hong 青:qing 白:bai 黄:huang
  东:dong 西:xi 南:nan 北:bei 中:zhong 上:shang 下:xia 高:gao 古:gu 双:shuang 三:san 万:wan 凤:feng 岩:yan
  松:song 竹:zhu 茶:cha 桃:tao 柳:liu 马:ma 牛:niu 永:yong 宁:ning 康:kang 泰:tai 顺:shun 德:de 仁:ren 华:hua
  明:ming 光:guang 清:qing 金:jin 银:yin 长:chang 丰:feng 富:fu 乐:le 福:fu 瑞:rui 祥:xiang 盛:sheng 隆:long
  旺:wang 昌:chang 文:wen 望:wang 普:pu 罗:luo 鱼:yu 鹿:lu 荷:he 梅:mei 桂:gui 杉:shan 枫:feng 柏:bai 杨:yang
  李:li 王:wang 张:zhang 刘:liu 陈:chen 谷:gu 月:yue 星:xing 云:yun 花:hua 林:lin 兰:lan 团:tuan 联:lian 合:he
  建:jian 胜:sheng 民:min 先:xian 六:liu 八:ba 九:jiu 五:wu 四:si 坪:ping 田:tian 沙:sha 洪:hong 碧:bi 翠:cui
`);

/** Second characters: the land itself (flats, dams, stockades, rivers, ridges, gullies, bridges, caves). */
const SECOND = syllables(`
  坪:ping 坝:ba 寨:zhai 河:he 江:jiang 岭:ling 沟:gou 田:tian 林:lin 桥:qiao 洞:dong 阳:yang 山:shan 水:shui
  湾:wan 塘:tang 溪:xi 口:kou 湖:hu 坡:po 冲:chong 堡:bao 营:ying 屯:tun 庄:zhuang 垭:ya 箐:qing 槽:cao 场:chang
  关:guan 铺:pu 井:jing 坎:kan 岗:gang 园:yuan 庙:miao 头:tou 坳:ao 哨:shao 丰:feng 安:an 兴:xing 平:ping 和:he
  龙:long 源:yuan 泉:quan 峰:feng 州:zhou 城:cheng 滩:tan 堰:yan 坂:ban 旗:qi
`);

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Pinyin of two syllables as one word, with the apostrophe before a, o or e (Xi'an, not Xian). */
function pinyinWord(a: Syllable, b: Syllable): string {
  return capitalize(a[1] + (/^[aoe]/.test(b[1]) ? "'" : '') + b[1]);
}

export type PlaceKind = { suffixZh: string; suffixEn: string };

const KINDS: Record<PlaceLevel, { kind: PlaceKind; weight: number }[]> = {
  county: [
    { kind: { suffixZh: '县', suffixEn: 'County' }, weight: 75 },
    { kind: { suffixZh: '区', suffixEn: 'District' }, weight: 15 },
    { kind: { suffixZh: '市', suffixEn: 'City' }, weight: 10 },
  ],
  town: [
    { kind: { suffixZh: '镇', suffixEn: 'Town' }, weight: 65 },
    { kind: { suffixZh: '乡', suffixEn: 'Township' }, weight: 25 },
    { kind: { suffixZh: '街道', suffixEn: 'Subdistrict' }, weight: 10 },
  ],
  village: [
    { kind: { suffixZh: '村', suffixEn: 'Village' }, weight: 92 },
    { kind: { suffixZh: '社区', suffixEn: 'Community' }, weight: 8 },
  ],
};

export type PlaceName = { nameZh: string; name: string; kind: PlaceKind };

/** A place name not yet in `taken` (names are unique among siblings; counties across the province). */
export function placeName(random: Random, level: PlaceLevel, taken: Set<string>): PlaceName {
  const kinds = KINDS[level];
  const total = kinds.reduce((s, k) => s + k.weight, 0);
  let u = random.next() * total;
  const kind = (kinds.find((k) => (u -= k.weight) < 0) ?? kinds[0]!).kind;
  for (let attempt = 0; ; attempt++) {
    const a = random.pick(FIRST);
    const b = random.pick(SECOND);
    if (a[0] === b[0]) continue;
    const stem = a[0] + b[0];
    // a big sibling list can exhaust the pairs: a third character keeps names unique
    const third = attempt > 40 ? random.pick(SECOND) : null;
    const zh = stem + (third ? third[0] : '') + kind.suffixZh;
    if (taken.has(zh)) continue;
    taken.add(zh);
    const en = pinyinWord(a, b) + (third ? (/^[aoe]/.test(third[1]) ? "'" : '') + third[1] : '');
    return { nameZh: zh, name: `${en} ${kind.suffixEn}`, kind };
  }
}

const CITIES = ['贵阳', '遵义', '六盘水', '安顺', '毕节', '铜仁', '凯里', '都匀', '兴义', '上海', '杭州', '宁波', '苏州', '广州', '深圳', '北京', '天津', '大连', '青岛', '厦门', '南京', '重庆', '成都', '无锡', '佛山', '东莞', '温州', '济南'];
const PROVINCES = ['浙江', '福建', '广东', '江苏', '山东', '湖南', '湖北', '四川', '重庆', '江西', '河南', '安徽', '河北', '云南'];
const BRAND = '恒达华盛鑫源宏远泰丰瑞祥嘉和博通信德隆昌金天海宇龙腾飞创新智汇聚力安康永佳美优卓越诚益众星辰川锦润'.split('');
const INDUSTRIES = ['科技', '建材', '农业开发', '医药', '食品', '物流', '房地产开发', '能源', '电子', '旅游开发', '茶业', '酒业', '建设工程', '矿业', '贸易', '电力', '投资', '文化传媒', '环保科技', '生物科技', '机械制造', '纺织', '餐饮管理', '置业', '商贸', '水务'];
const COMPANY = [
  { s: '有限公司', w: 60 },
  { s: '集团有限公司', w: 15 },
  { s: '股份有限公司', w: 15 },
  { s: '有限责任公司', w: 10 },
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧建国平刚桂兰玉红志文海辉鹏波斌宇浩凯俊帆婷雪琳晨欣怡佳子梓涵轩博晓春峰云霞林'.split('');
const AGENCIES = ['财政局', '教育局', '卫生健康局', '农业农村局', '交通运输局', '水务局', '商务局', '人力资源和社会保障局', '税务局', '自然资源局', '住房和城乡建设局', '民政局', '审计局', '统计局', '市场监督管理局', '公安局', '人民法院', '人民检察院', '发展和改革委员会', '乡村振兴局'];
const PARTIES = ['民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社', '台盟'];
const ASSOCIATIONS = ['青年企业家协会', '女企业家协会', '慈善总会', '光彩事业促进会', '餐饮行业协会', '茶叶协会', '建筑业协会', '个体劳动者协会', '企业联合会', '志愿者协会', '民营企业家协会', '律师协会'];
const FOUNDATIONS = ['公益基金会', '慈善基金会', '教育基金会', '乡村振兴基金会'];
const DISCIPLINES = ['理工', '师范', '医科', '财经', '农业', '民族', '交通', '科技', '工程', '商贸', '中医药', '工业'];
const COLLEGES = ['大学', '学院', '职业技术学院'];
const TITLES = ['经理', '主任', '部长', '会长', '老师', '书记', '处长', '科长', '秘书长'];

const personName = (random: Random) => random.pick(SURNAMES) + random.pick(GIVEN) + (random.chance(0.7) ? random.pick(GIVEN) : '');
const brand = (random: Random) => random.pick(BRAND) + random.pick(BRAND);

/** One candidate donor name of a type; `counties` and `villages` lend generated place names to local units. */
function donorCandidate(random: Random, type: DonorType, counties: readonly string[], villages: readonly string[]): string {
  const city = random.pick(CITIES);
  switch (type) {
    case 'enterprise': {
      let u = random.next() * 100;
      const suffix = (COMPANY.find((c) => (u -= c.w) < 0) ?? COMPANY[0]!).s;
      return `${city}${brand(random)}${random.pick(INDUSTRIES)}${suffix}`;
    }
    case 'individual':
      return personName(random);
    case 'cadres':
      return `${random.chance(0.5) ? `${city}市` : random.pick(counties)}${random.pick(AGENCIES)}干部职工`;
    case 'working_group':
      return random.chance(0.5) ? `${city}市驻${random.pick(counties)}东西部协作工作组` : `${city}市${random.pick(AGENCIES)}驻${random.pick(villages)}工作队`;
    case 'united_front_department':
      return random.chance(0.3) ? `${city}市委统战部` : `${random.pick(counties).replace(/(县|区|市)$/, '$1委')}统战部`;
    case 'democratic_party':
      return `${random.pick(PARTIES)}${random.chance(0.6) ? `${city}市委` : `${random.pick(counties)}委员会`}`;
    case 'association':
      return `${random.chance(0.7) ? `${city}市` : random.pick(counties)}${random.pick(ASSOCIATIONS)}`;
    case 'chamber_of_commerce':
      return random.chance(0.6) ? `${city}${random.pick(PROVINCES)}商会` : `${city}市${random.pick(INDUSTRIES)}商会`;
    case 'foundation':
      return random.chance(0.6) ? `${city}${brand(random)}${random.pick(FOUNDATIONS)}` : `${city}市${random.pick(FOUNDATIONS)}`;
    case 'university':
      return `${city}${random.pick(DISCIPLINES)}${random.pick(COLLEGES)}`;
  }
}

/**
 * A donor name not yet in `taken`. Kinds with few possible names (a city has one 统战部) fall back to an enterprise
 * when their names run out, so the result's type may differ from the one asked for.
 */
export function donorName(random: Random, type: DonorType, taken: Set<string>, counties: readonly string[], villages: readonly string[]): { nameZh: string; type: DonorType } {
  for (let attempt = 0; attempt < 30; attempt++) {
    const name = donorCandidate(random, type, counties, villages);
    if (!taken.has(name)) {
      taken.add(name);
      return { nameZh: name, type };
    }
  }
  if (type === 'individual') {
    for (;;) {
      const name = `${personName(random)}（${random.pick(CITIES)}）`;
      if (!taken.has(name)) {
        taken.add(name);
        return { nameZh: name, type };
      }
    }
  }
  return donorName(random, 'enterprise', taken, counties, villages);
}

/** A contact as a ledger clerk writes one: surname and title (王经理). */
export function contactPerson(random: Random): string {
  return random.pick(SURNAMES) + random.pick(TITLES);
}
