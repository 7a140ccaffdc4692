// Realistic Chinese content for demo cases: consumers, respondent businesses, categories and the
// texts a case accumulates (summaries, demands, notes, replies). Pure data plus small pickers; the
// lifecycle itself is built in seed-demo-cases.ts. Everything is fictional.
import { creditCodeCheckChar } from '@weiquan/shared';

export type Rng = () => number;

/** Deterministic PRNG (mulberry32): the same seed gives the same demo set. */
export function seededRandom(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
export const int = (r: Rng, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
export const chance = (r: Rng, p: number): boolean => r() < p;
export function weighted<T>(r: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of entries) {
    x -= w;
    if (x < 0) return v;
  }
  return entries[entries.length - 1]![0];
}
/** Fills {slot} placeholders. */
export const fill = (template: string, slots: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(slots[k] ?? ''));

// ------------------------------------------------------------------------------------ places
export type County = '鼓楼区' | '红星县' | '青山县';
export const COUNTY_OF_UNIT: Readonly<Record<string, County | null>> = {
  CITY: null,
  GL: '鼓楼区',
  HX: '红星县',
  QS: '青山县',
};
export const COUNTIES: readonly County[] = ['鼓楼区', '红星县', '青山县'];
/** Administrative division codes used in credit codes and ID numbers (demo values). */
const REGION_CODE: Readonly<Record<County, string>> = { 鼓楼区: '350102', 红星县: '350121', 青山县: '350122' };

const STREETS: Readonly<Record<County, readonly string[]>> = {
  鼓楼区: ['五四路', '东街', '杨桥中路', '湖东路', '华林路', '铜盘路', '温泉公园路', '西洪路', '鼓屏路', '工业路'],
  红星县: ['红星镇人民路', '红星镇解放街', '红星镇工业路', '青石乡集镇街', '青石乡青石村', '红星镇红星村'],
  青山县: ['青山镇建设路', '青山镇滨江路', '青山镇府前路', '白沙镇新街', '白沙镇白沙村', '青山镇青山村'],
};
const ESTATES = ['阳光花园', '金域华府', '锦绣家园', '滨江名城', '幸福里', '书香苑', '万科城', '和平新村'];

export function consumerAddress(r: Rng, county: County): string {
  const street = pick(r, STREETS[county]);
  if (street.endsWith('村')) return `${county}${street}${int(r, 1, 12)}组${int(r, 1, 60)}号`;
  return `${county}${street}${int(r, 1, 399)}号${pick(r, ESTATES)}${int(r, 1, 18)}栋${int(r, 1, 28)}0${int(r, 1, 4)}室`;
}

// ------------------------------------------------------------------------------------ people
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武'.split(
    '',
  );
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅琳建国志明晓东海燕春花淑珍婷宇浩欣怡涵梓萱俊杰思远雨桐佳文博嘉宏斌丹龙凤秋菊金德永'.split(
    '',
  );

export function personName(r: Rng): string {
  const n = chance(r, 0.55) ? 2 : 1;
  let given = '';
  for (let i = 0; i < n; i++) given += pick(r, GIVEN);
  return pick(r, SURNAMES) + given;
}

// Real mobile prefixes; 138/139 are left to the tests' own generators so numbers never collide.
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '199',
];
export function mobile(r: Rng): string {
  return pick(r, MOBILE_PREFIXES) + String(int(r, 0, 99_999_999)).padStart(8, '0');
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A resident ID number with a real birth date and a valid ISO 7064 check character. */
export function residentId(r: Rng, county: County): string {
  const birth = new Date(Date.UTC(int(r, 1956, 2004), int(r, 0, 11), int(r, 1, 28)));
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const body = `${REGION_CODE[county]}${ymd}${String(int(r, 0, 999)).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]!;
  return body + '10X98765432'[sum % 11];
}

// ------------------------------------------------------------------------------------ businesses
const ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_VALUE = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);

/** Unified social credit code: '91' (enterprise) or '92' (individual business), region, organisation code (GB 11714 check), GB 32100 check. */
export function creditCode(name: string, county: County): string {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  let org = '';
  for (let i = 0; i < 8; i++) {
    org += ORG_CHARS[(h >>> ((i * 4) % 28)) % ORG_CHARS.length]!;
    h = Math.imul(h ^ i, 2654435761) >>> 0;
  }
  const sum = [...org].reduce((s, c, i) => s + ORG_VALUE(c) * ORG_WEIGHTS[i]!, 0);
  const c9 = 11 - (sum % 11);
  org += c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
  const first17 = `${/店|行|馆|部|坊/.test(name.slice(-2)) ? '92' : '91'}${REGION_CODE[county]}${org}`;
  return first17 + creditCodeCheckChar(first17)!;
}

export interface Business {
  name: string;
  county: County;
  address: string;
  industry: string;
  category: CategoryName;
  creditCode: string;
}

export type CategoryName =
  | '家用电器'
  | '食品'
  | '通信服务'
  | '预付卡'
  | '网络购物'
  | '汽车'
  | '装修'
  | '教育培训'
  | '旅游'
  | '美容美发';

const BUSINESS_SPECS: readonly [string, County, string, CategoryName, string][] = [
  ['福州恒达家电销售有限公司', '鼓楼区', '东街88号', '家用电器', '家电零售'],
  ['鼓楼区美家电器商行', '鼓楼区', '杨桥中路210号', '家用电器', '家电零售'],
  ['红星县惠民家电城有限公司', '红星县', '红星镇人民路56号', '家用电器', '家电零售'],
  ['青山县乐购电器商行', '青山县', '青山镇建设路18号', '家用电器', '家电零售'],
  ['东街口百货有限公司', '鼓楼区', '东街口1号', '食品', '百货零售'],
  ['鼓楼区好邻居便利店', '鼓楼区', '湖东路66号', '食品', '便利店'],
  ['红星县农家乐餐饮店', '红星县', '青石乡集镇街9号', '食品', '餐饮服务'],
  ['青山永辉超市有限公司', '青山县', '青山镇滨江路100号', '食品', '超市'],
  ['青山县白沙鲜果批发部', '青山县', '白沙镇新街12号', '食品', '食品零售'],
  ['鼓楼区鑫悦通信器材店', '鼓楼区', '华林路132号', '通信服务', '电信业务代理'],
  ['福州畅联宽带网络有限公司', '鼓楼区', '铜盘路29号', '通信服务', '宽带接入'],
  ['红星县移动通信营业厅（红星县信达通讯部）', '红星县', '红星镇解放街3号', '通信服务', '电信业务代理'],
  ['鼓楼区力美健身服务有限公司', '鼓楼区', '温泉公园路45号', '预付卡', '健身服务'],
  ['鼓楼区洁速洗车行', '鼓楼区', '西洪路77号', '预付卡', '洗车服务'],
  ['青山县童乐游泳馆', '青山县', '青山镇府前路31号', '预付卡', '体育场馆'],
  ['福州优选电子商务有限公司', '鼓楼区', '工业路523号', '网络购物', '电子商务'],
  ['青山县山货优品电子商务有限公司', '青山县', '白沙镇白沙村8组', '网络购物', '电子商务'],
  ['红星县鲜到家网络科技有限公司', '红星县', '红星镇工业路88号', '网络购物', '电子商务'],
  ['福州宏达汽车销售服务有限公司', '鼓楼区', '工业路300号', '汽车', '汽车销售'],
  ['红星县顺通二手车交易有限公司', '红星县', '红星镇工业路12号', '汽车', '二手车交易'],
  ['福州安居装饰工程有限公司', '鼓楼区', '五四路158号', '装修', '装饰装修'],
  ['青山县匠心装饰设计工作室（青山县匠心装饰部）', '青山县', '青山镇建设路66号', '装修', '装饰装修'],
  ['鼓楼区启航教育培训学校', '鼓楼区', '鼓屏路18号', '教育培训', '教育培训'],
  ['红星县智慧树艺术培训有限公司', '红星县', '红星镇人民路120号', '教育培训', '教育培训'],
  ['福州环球国际旅行社有限公司', '鼓楼区', '五四路71号', '旅游', '旅行社'],
  ['红星山景区旅游开发有限公司', '红星县', '红星镇红星山景区', '旅游', '景区'],
  ['青山县白沙湾度假酒店有限公司', '青山县', '白沙镇滨海路1号', '旅游', '住宿'],
  ['鼓楼区尚美美容美发店', '鼓楼区', '杨桥中路66号', '美容美发', '美容美发'],
  ['红星县丽人美容养生馆', '红星县', '红星镇解放街40号', '美容美发', '美容美发'],
  ['青山县名剪造型店', '青山县', '青山镇滨江路52号', '美容美发', '美容美发'],
];

export const BUSINESSES: readonly Business[] = BUSINESS_SPECS.map(([name, county, addr, category, industry]) => ({
  name,
  county,
  address: `${county}${addr}`,
  industry,
  category,
  creditCode: creditCode(name, county),
}));

// ------------------------------------------------------------------------------------ categories
interface CategoryContent {
  items: readonly string[];
  amount: readonly [number, number];
  complaints: readonly string[];
  demands: readonly string[];
  reports: readonly string[];
  consultations: readonly string[];
  suggestions: readonly string[];
}

export const CATEGORY_CONTENT: Readonly<Record<CategoryName, CategoryContent>> = {
  家用电器: {
    items: ['变频空调', '双开门冰箱', '滚筒洗衣机', '燃气热水器', '油烟机', '65寸液晶电视'],
    amount: [1200, 9800],
    complaints: [
      '{date}在{biz}购买{item}一台，价款{amount}元。使用{days}天后出现不制冷、噪音大的问题，商家以“需厂家鉴定”为由一直拖延，拒绝退换。',
      '{date}在{biz}购买{item}，安装当天即发现外壳有明显划痕和使用痕迹，怀疑是翻新机，商家否认并拒绝更换。',
      '{date}在{biz}购买{item}，价款{amount}元，三包期内已维修两次仍无法正常使用，商家仍只同意再次维修。',
    ],
    demands: ['退货退款', '更换同型号新机', '免费维修并赔偿误工损失', '按三包规定更换新机'],
    reports: [
      '举报{biz}销售的{item}未标注能效标识，涉嫌以旧翻新冒充新品销售。',
      '举报{biz}促销时先提价后打折，“原价”从未实际成交过。',
    ],
    consultations: ['咨询{item}三包期内维修两次仍有故障，能否要求换货？', '咨询家电以旧换新补贴未到账应向谁反映？'],
    suggestions: ['建议家电卖场在显著位置公示三包规定和退换货流程。'],
  },
  食品: {
    items: ['纯牛奶', '全麦面包', '卤味熟食', '进口饼干', '月饼礼盒', '花生油', '散装坚果'],
    amount: [18, 680],
    complaints: [
      '{date}在{biz}购买{item}，回家后发现已过保质期{days}天，要求商家退款赔偿遭拒。',
      '{date}在{biz}购买的{item}开封后发现异物，食用后家人出现腹泻，商家只同意退还货款。',
      '{date}在{biz}就餐，菜品中发现头发和不明异物，店方态度恶劣，拒绝免单。',
    ],
    demands: ['退款并依照食品安全法支付赔偿金', '退一赔十', '赔礼道歉并退还货款', '退还餐费并赔偿医药费'],
    reports: [
      '举报{biz}销售已过保质期的{item}，货架上仍有同批次商品。',
      '举报{biz}销售的{item}无中文标签，来源不明。',
      '举报{biz}后厨卫生条件差，生熟不分。',
    ],
    consultations: ['咨询买到过期食品如何主张十倍赔偿？', '咨询网购生鲜食品变质后商家拒赔怎么办？'],
    suggestions: ['建议加强对校园周边小卖部食品安全的检查。', '建议超市临期食品集中陈列并明显标识。'],
  },
  通信服务: {
    items: ['手机套餐', '家庭宽带', '流量包', '宽带融合套餐'],
    amount: [30, 1680],
    complaints: [
      '本人手机号码被{biz}在未经同意的情况下开通增值业务，已连续扣费{days}个月，共计{amount}元。',
      '{date}在{biz}办理{item}，营业员承诺的赠送话费未到账，实际资费与宣传不符。',
      '{date}起{biz}提供的{item}频繁断线，报修{days}次至今未修复，仍照常收费。',
    ],
    demands: ['退还多扣费用', '取消未经同意开通的业务并退费', '按约定履行承诺', '解除合同并退还预存款'],
    reports: ['举报{biz}营业员以“免费升级”为名诱导老年人办理高价套餐。'],
    consultations: ['咨询携号转网被运营商以合约未到期为由拒绝是否合理？', '咨询宽带合约期内搬家能否免违约金解约？'],
    suggestions: ['建议运营商办理业务时向老年人明确告知资费并留存录音。'],
  },
  预付卡: {
    items: ['健身年卡', '洗车储值卡', '游泳次卡', '私教课程包'],
    amount: [600, 12800],
    complaints: [
      '{date}在{biz}办理{item}，充值{amount}元，现商家突然闭店，卡内余额无法使用，联系不上负责人。',
      '{date}在{biz}办理{item}{amount}元，因工作调动要求退还剩余费用，商家以“概不退款”为由拒绝。',
      '{biz}单方面变更服务项目和营业时间，{item}无法按约定使用，要求退卡被拒。',
    ],
    demands: ['退还卡内余额', '按剩余次数折算退款', '恢复原约定服务或退款'],
    reports: ['举报{biz}收取大额预付款后闭店转移经营，涉及消费者众多。'],
    consultations: ['咨询预付卡商家停业后消费者如何维权？', '咨询办卡合同中“概不退款”条款是否有效？'],
    suggestions: ['建议建立预付卡资金存管制度，公示经营者预收款情况。'],
  },
  网络购物: {
    items: ['智能手机', '羽绒服', '运动鞋', '护肤品套装', '扫地机器人', '土特产礼盒'],
    amount: [80, 6800],
    complaints: [
      '{date}通过{biz}的网店购买{item}，价款{amount}元，收到商品与页面描述严重不符，申请七天无理由退货被拒绝。',
      '{date}在{biz}直播间购买{item}，收货后怀疑为假货，商家拒不提供进货凭证。',
      '{date}在{biz}网店下单{item}，付款后商家迟迟不发货，{days}天后单方取消订单但未退款。',
    ],
    demands: ['退货退款', '退一赔三', '提供正规发票和进货凭证', '尽快退还货款'],
    reports: ['举报{biz}网店刷单炒信、虚构交易记录。', '举报{biz}直播带货时虚假宣传产品功效。'],
    consultations: ['咨询网购商品七天无理由退货的条件和期限。', '咨询直播间购物出现纠纷应向平台还是主播主张权利？'],
    suggestions: ['建议电商平台在显著位置公示七天无理由退货的商品范围。'],
  },
  汽车: {
    items: ['新车', '二手车', '车辆保养套餐', '延保服务'],
    amount: [3000, 238000],
    complaints: [
      '{date}在{biz}购买{item}，提车后发现车身有补漆痕迹，经销商未事先告知。',
      '{date}在{biz}贷款购车，被强制收取金融服务费{amount}元，未提供任何服务。',
      '{date}在{biz}购买{item}，实际里程与合同约定严重不符，疑似调表车。',
    ],
    demands: ['退车并赔偿损失', '退还金融服务费', '按合同约定赔偿', '承担维修费用'],
    reports: ['举报{biz}销售调表二手车，隐瞒重大事故记录。'],
    consultations: ['咨询新车交付后发现质量问题能否要求退换？', '咨询汽车三包期内同一故障维修多次如何处理？'],
    suggestions: ['建议汽车经销商明码标价，公示各项服务收费标准。'],
  },
  装修: {
    items: ['全包装修', '厨卫改造', '定制橱柜', '墙面翻新'],
    amount: [5000, 168000],
    complaints: [
      '{date}与{biz}签订{item}合同，合同价款{amount}元，现工期已超过约定{days}天仍未完工，多次催促无果。',
      '{biz}承接的{item}工程使用的材料与合同约定品牌不符，墙面出现大面积开裂。',
      '{date}与{biz}签订{item}合同后，对方以各种理由增项收费，总价比合同多出近三成。',
    ],
    demands: ['按合同约定支付违约金', '返工整改并赔偿损失', '退还多收费用', '解除合同并退还预付款'],
    reports: ['举报{biz}无资质承接装修工程，使用劣质板材。'],
    consultations: ['咨询装修合同纠纷应如何取证？', '咨询装修质保期内出现问题装修公司拒绝维修怎么办？'],
    suggestions: ['建议推广使用家庭居室装饰装修示范合同文本。'],
  },
  教育培训: {
    items: ['英语培训课程', '少儿美术课', '职业资格考试培训', '钢琴课'],
    amount: [1800, 32000],
    complaints: [
      '{date}为孩子在{biz}报名{item}，缴费{amount}元，现机构停课，拒不退还剩余课时费用。',
      '{date}在{biz}报名{item}，对方承诺“不过全额退款”，考试未通过后拒绝兑现承诺。',
      '{biz}宣传的授课老师与实际不符，课程质量差，要求退费遭拒。',
    ],
    demands: ['退还剩余课时费用', '按承诺全额退款', '更换授课老师或退费'],
    reports: ['举报{biz}无办学许可开展培训并预收大额费用。'],
    consultations: ['咨询培训机构跑路后预付学费如何追回？', '咨询培训合同中的冷静期条款如何适用？'],
    suggestions: ['建议加强对校外培训机构预收费的监管，实行资金专户管理。'],
  },
  旅游: {
    items: ['三日跟团游', '亲子研学游', '海岛自由行套餐', '周边一日游'],
    amount: [260, 15800],
    complaints: [
      '{date}参加{biz}组织的{item}，导游擅自变更行程并安排强制购物，未去的游客被要求补交费用。',
      '{date}通过{biz}预订{item}，因台风取消出行，对方拒绝退还{amount}元费用。',
      '{date}入住{biz}，房间设施与宣传严重不符，要求换房或退款被拒绝。',
    ],
    demands: ['退还费用并赔偿', '赔偿因擅自变更行程造成的损失', '按约定退还费用'],
    reports: ['举报{biz}景区内商铺不明码标价，宰客现象严重。', '举报{biz}以“零团费”招揽游客后强制购物。'],
    consultations: ['咨询因不可抗力取消旅游合同费用如何承担？', '咨询景区门票“一经售出概不退换”是否合理？'],
    suggestions: ['建议景区在入口处公示投诉电话和维权服务站位置。', '建议节假日期间增加景区价格巡查。'],
  },
  美容美发: {
    items: ['烫染服务', '美容护理卡', '祛斑项目', '头皮护理套餐'],
    amount: [98, 9800],
    complaints: [
      '{date}在{biz}做{item}，被店员以“会员价”为由诱导办卡充值{amount}元，事后发现价格远高于市场价。',
      '{date}在{biz}做{item}后头发严重受损，店方只同意免费护理，拒绝赔偿。',
      '{date}在{biz}做{item}后面部出现红肿过敏，店方拒绝承担医疗费用。',
    ],
    demands: ['退还充值余额', '赔偿医疗费用', '退还服务费并赔礼道歉'],
    reports: ['举报{biz}无医疗美容资质开展注射类项目。'],
    consultations: ['咨询美容店诱导办卡后能否要求退款？', '咨询美容项目造成损害如何鉴定和索赔？'],
    suggestions: ['建议美容美发行业统一预付卡退费标准。'],
  },
};

export const CATEGORIES = Object.keys(CATEGORY_CONTENT) as CategoryName[];
export const CATEGORY_WEIGHTS: readonly (readonly [CategoryName, number])[] = [
  ['家用电器', 12],
  ['食品', 16],
  ['通信服务', 9],
  ['预付卡', 12],
  ['网络购物', 15],
  ['汽车', 6],
  ['装修', 7],
  ['教育培训', 8],
  ['旅游', 8],
  ['美容美发', 7],
];

// ------------------------------------------------------------------------------------ handling texts
export const MISSING_ITEMS: readonly string[][] = [
  ['购物凭证（发票或小票）', '商品照片'],
  ['身份证复印件', '与经营者的沟通记录'],
  ['合同或协议', '付款凭证'],
  ['购物凭证（发票或小票）', '问题商品照片', '经营者的准确名称和地址'],
];
/** 首问负责: the intake operator's first call back to the consumer (within two working days). */
export const FIRST_CONTACT_NOTES = [
  '已电话联系消费者，告知已登记，核实购买时间、金额和诉求',
  '已回电消费者，说明处理流程和时限，请其准备购物凭证',
  '已联系消费者确认联系方式和诉求，告知将尽快联系经营者',
];

export const CONTACT_NOTES = [
  '已电话联系消费者，核实购买时间和凭证',
  '已联系经营者负责人，说明消费者诉求，对方表示将核实后答复',
  '约定双方下周到站点现场调解',
  '组织双方现场调解，双方分歧较大，约定再次协商',
  '消费者补充提交了购物小票和聊天记录截图',
  '已实地查看经营场所，经营者同意配合调解',
  '经营者提出部分退款方案，已转告消费者',
];
export const RETURN_REASONS = [
  '经核实，被投诉经营者注册地和经营地均不在本辖区，请重新分流。',
  '该诉求涉及劳动争议，不属于本单位处理范围，退回受理单位。',
  '被诉经营者已迁址至其他县区，请重新分流至有管辖权的单位。',
];
export const EXTENSION_REASONS = [
  '需委托检测机构出具检测报告',
  '经营者负责人外出，需延期组织调解',
  '涉及金额较大，需进一步调查取证',
];
export const NOT_FILED_REASONS = [
  '经核查，未发现举报所称违法行为的证据',
  '举报事项已由其他部门立案查处',
  '举报线索不具体，无法核实',
];
export const SUSPEND_NOTES: Readonly<Record<'TESTING' | 'AWAITING_MATERIALS' | 'INVESTIGATION', string>> = {
  TESTING: '委托检测机构对商品质量进行检测，检测期间中止办理',
  AWAITING_MATERIALS: '等待消费者补充维修记录等材料',
  INVESTIGATION: '经批准立案调查，调查期间中止调解',
};

export function agreementText(r: Rng, biz: string, amount: number): string {
  return pick(r, [
    `经调解，双方自愿达成协议：${biz}于三日内退还消费者${amount.toFixed(2)}元，消费者不再就此事主张其他权利。`,
    `经调解，${biz}同意为消费者更换同型号新品并补偿${amount.toFixed(2)}元，双方纠纷了结。`,
    `经调解，${biz}向消费者赔礼道歉并赔偿${amount.toFixed(2)}元，双方确认无其他争议。`,
  ]);
}

export const REPLY_BY_OUTCOME: Readonly<Record<string, readonly string[]>> = {
  MEDIATED: ['经调解，经营者已按协议履行，已电话告知消费者办理结果。', '已将调解结果告知消费者，消费者表示认可。'],
  MEDIATION_FAILED: ['经调解双方未能达成一致，已告知消费者可向消费者协会申请调解、申请仲裁或向人民法院起诉。'],
  WITHDRAWN: ['消费者与经营者已自行和解并撤回投诉，已电话确认。'],
  TERMINATED: ['调解已依法终止，已告知消费者终止理由及其他救济途径。'],
  PENALIZED: ['举报事项经查属实，已依法立案查处，现将处理结果告知举报人。'],
  NO_VIOLATION: ['经调查，未发现举报所称违法行为，已将核查结果告知举报人。'],
  TRANSFERRED: ['举报事项不属于本部门管辖，已移送有关部门处理并告知举报人。'],
  ANSWERED: ['已就消费者咨询的问题作出答复，并告知相关法律规定和维权途径。'],
  ADOPTED: ['感谢您的建议，相关建议已被采纳并转交有关部门落实。'],
};
export const REJECT_REPLY = '经审查，您的投诉不符合受理条件，不予受理。现将不予受理的理由和其他解决途径告知如下：';
export const NOT_FILED_REPLY = '经核查，您举报的事项不予立案，现将核查情况和理由告知如下：';
export const CONSULTATION_ANSWERS = [
  '已当场答复：依据《消费者权益保护法》，可凭购物凭证要求经营者履行退换货义务，协商不成可向我中心投诉。',
  '已当场答复：告知相关法律规定，建议保留购物凭证、聊天记录等证据，必要时可申请调解或诉讼。',
  '已当场答复并发送维权指引短信。',
];
export const FOLLOW_UP_NOTES: Readonly<Record<string, string>> = {
  SATISFIED: '消费者对处理结果表示满意',
  BASIC: '消费者认为处理时间偏长，对结果基本满意',
  UNSATISFIED: '消费者认为赔偿金额过低，对处理结果不满意',
  UNREACHABLE: '电话无人接听',
};
