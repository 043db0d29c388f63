// 信访事项登记 (来信来访) on React 18 + antd, written as an Ant Design Pro page of a county
// 信访/人大 system: a PageContainer-like header, Cards for the sections, a horizontal Form
// (labelCol 6 / wrapperCol 16 in two columns, full-width rows for the long fields), rules with
// Chinese messages, and what the page posts built from form.getFieldsValue(true) in onFinish.
// Widgets: 信访形式 as a solid Radio.Group of buttons (codes 1–4, 来信 preselected), 信访日期 a
// DatePicker, 登记时间 a showTime DatePicker defaulted to now, 接待方式 and 问题类别 Selects with
// codes (问题类别 showSearch, the 国家信访信息系统 classification), 转送单位 a multiple Select of
// department codes, 接待人员 a Checkbox.Group of user ids, 问题属地 a Cascader of administrative
// division codes (省/市/县/镇/村), 来访人数 an InputNumber checked against the people listed,
// 同行人员 a Form.List of rows (姓名/身份证号码/联系电话, 添加同行人员), 重复访 a Switch posted
// as "1"/"0", 主要诉求 a TextArea with showCount.
// Modelled on 信访登记 pages (信访形式 来信/来访/网上/电话, 信访人 with 证件号码, 同行人员 list,
// 问题属地 to 村, 信访事项 + 主要诉求, 转送/交办单位, 办理时限) and on antd's Form.List docs
// (dynamic form items with MinusCircleOutlined / PlusOutlined).
import { createRoot } from 'react-dom/client';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Cascader, Checkbox, Col, ConfigProvider, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, message } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');

const FORMS = [{ value: '1', label: '来信' }, { value: '2', label: '来访' }, { value: '3', label: '网上信访' }, { value: '4', label: '电话' }];
const RECEPTION = [['01', '日常接待'], ['02', '代表接待日'], ['03', '领导接待日'], ['04', '下访'], ['05', '约访']].map(([value, label]) => ({ value: value!, label: label! }));
// 国家信访信息系统 内容分类 (first level).
const CATEGORY = [['01', '农村农业'], ['02', '国土资源'], ['03', '城乡建设'], ['04', '劳动社保'], ['05', '卫生计生'], ['06', '教育文体'], ['07', '民政与应急'],
  ['08', '政法'], ['09', '经济管理'], ['10', '交通运输'], ['11', '商贸旅游'], ['12', '生态环境'], ['13', '党务政务'], ['14', '组织人事'], ['15', '纪检监察'], ['99', '其他']]
  .map(([value, label]) => ({ value: value!, label: label! }));
const DEPTS = [['QS001', '青山镇党政办公室'], ['QS002', '青山镇农业农村服务中心'], ['QS003', '青山镇农经站'], ['QS004', '青山镇村镇建设办公室'], ['QS005', '青山镇自然资源所'],
  ['QS006', '青山镇社会保障服务中心'], ['QS007', '青山镇生态环境办公室'], ['QS008', '青山派出所'], ['QS009', '青山镇司法所'], ['QS010', '东岗村村民委员会']]
  .map(([value, label]) => ({ value: value!, label: label! }));
// 接待人员: the office's users (deputies on duty at the 代表接待日 and staff), by user id.
const RECEIVERS = [[11, '王建国'], [12, '李秀英'], [13, '陈志强'], [16, '孙丽华'], [17, '周宏伟'], [21, '徐静'], [22, '朱晓红']].map(([value, label]) => ({ value: value as number, label: label as string }));

interface Region { value: string; label: string; children?: Region[] }
const village = (code: string, names: string[]): Region[] => names.map((n, i) => ({ value: `${code}${String(201 + i)}`, label: n }));
const REGIONS: Region[] = [
  { value: '320000', label: '江苏省', children: [
    { value: '320100', label: '南京市', children: [{ value: '320102', label: '玄武区' }, { value: '320104', label: '秦淮区' }] },
    { value: '321200', label: '泰州市', children: [
      { value: '321202', label: '海陵区', children: [{ value: '321202001', label: '城中街道' }, { value: '321202002', label: '城东街道' }] },
      { value: '321281', label: '兴化市', children: [{ value: '321281101', label: '戴南镇' }, { value: '321281102', label: '张郭镇' }] },
      { value: '321282', label: '靖江市', children: [{ value: '321282101', label: '孤山镇' }, { value: '321282102', label: '西来镇' }] },
      { value: '321283', label: '泰兴市', children: [
        { value: '321283101', label: '青山镇', children: village('321283101', ['青山村', '柳河村', '东岗村', '南湾村', '集镇社区']) },
        { value: '321283102', label: '柳河镇', children: village('321283102', ['柳河社区', '新庄村', '三里村']) },
        { value: '321283103', label: '东岗镇', children: village('321283103', ['东岗社区', '大王村']) },
      ] },
    ] },
  ] },
];

function idOk(v: string): boolean {
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * w[i]!;
  return '10X98765432'[sum % 11] === v[17];
}
const MOBILE = /^1[3-9]\d{9}$/;

interface Companion { name?: string; idCard?: string; phone?: string }
interface Values {
  regNo?: string; petitionForm?: string; petitionDate?: Dayjs | null; receptionMode?: string; visitorNum?: number | null; receivers?: number[];
  name?: string; gender?: string; idCard?: string; phone?: string; address?: string; region?: string[]; companions?: Companion[];
  matter?: string; category?: string; repeat?: boolean; content?: string; transferDepts?: string[]; deadline?: Dayjs | null;
  registrar?: string; regTime?: Dayjs | null;
}
const KEYS: Array<keyof Values> = ['regNo', 'petitionForm', 'petitionDate', 'receptionMode', 'visitorNum', 'receivers', 'name', 'gender', 'idCard', 'phone', 'address',
  'region', 'companions', 'matter', 'category', 'repeat', 'content', 'transferDepts', 'deadline', 'registrar', 'regTime'];

/** What onFinish posts: dates as the backend takes them, the switch as 1/0, rows with every column. */
function toPost(v: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of KEYS) out[k] = v[k] ?? null;
  out['petitionDate'] = v.petitionDate ? v.petitionDate.format('YYYY-MM-DD') : null;
  out['deadline'] = v.deadline ? v.deadline.format('YYYY-MM-DD') : null;
  out['regTime'] = v.regTime ? v.regTime.format('YYYY-MM-DD HH:mm:ss') : null;
  out['repeat'] = v.repeat ? '1' : '0';
  out['companions'] = (v.companions ?? []).map((r) => ({ name: r?.name ?? '', idCard: r?.idCard ?? '', phone: r?.phone ?? '' }));
  return out;
}

function LetterForm() {
  const [form] = Form.useForm<Values>();
  const [msg, holder] = message.useMessage();
  (window as unknown as { __portal: unknown }).__portal = {
    state: () => JSON.parse(JSON.stringify(toPost(form.getFieldsValue(true) as Values))),
    submit: async () => {
      try {
        await form.validateFields();
        return { ok: true, errors: [] as string[] };
      } catch (e) {
        const fields = (e as { errorFields?: Array<{ errors: string[] }> }).errorFields ?? [];
        return { ok: false, errors: fields.flatMap((f) => f.errors) };
      }
    },
  };
  const half = { labelCol: { span: 6 }, wrapperCol: { span: 16 } };
  const full = { labelCol: { span: 3 }, wrapperCol: { span: 20 } };
  return (
    <Form form={form} {...half} initialValues={{ petitionForm: '1', regTime: dayjs(), companions: [], receivers: [], repeat: false }}
      onFinish={(v) => { (window as unknown as { lastPost: unknown }).lastPost = toPost(v); void msg.success('登记成功'); }}
      scrollToFirstError>
      {holder}
      <Card title="信访基本信息" size="small" className="card">
        <Row>
          <Col span={12}><Form.Item label="登记编号" name="regNo" rules={[{ required: true, message: '请输入登记编号' }]}><Input placeholder="请输入登记编号" /></Form.Item></Col>
          <Col span={12}><Form.Item label="信访形式" name="petitionForm" rules={[{ required: true, message: '请选择信访形式' }]}>
            <Radio.Group options={FORMS} optionType="button" buttonStyle="solid" />
          </Form.Item></Col>
          <Col span={12}><Form.Item label="信访日期" name="petitionDate" rules={[{ required: true, message: '请选择信访日期' }]}>
            <DatePicker style={{ width: '100%' }} placeholder="请选择日期" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item></Col>
          <Col span={12}><Form.Item label="接待方式" name="receptionMode" dependencies={['petitionForm']}
            rules={[({ getFieldValue }) => ({ validator: async (_r, v) => { if (getFieldValue('petitionForm') === '2' && !v) throw new Error('来访须选择接待方式'); } })]}>
            <Select options={RECEPTION} placeholder="请选择" allowClear />
          </Form.Item></Col>
          <Col span={12}><Form.Item label="来访人数" name="visitorNum" dependencies={['companions', 'petitionForm']}
            rules={[({ getFieldValue }) => ({ validator: async (_r, v?: number | null) => {
              if (getFieldValue('petitionForm') !== '2') return;
              if (v == null) throw new Error('请输入来访人数');
              const listed = 1 + ((getFieldValue('companions') as Companion[] | undefined)?.length ?? 0);
              if (v < listed) throw new Error(`来访人数不能少于已登记的来访人员（${listed}人）`);
            } })]}>
            <InputNumber min={1} max={500} precision={0} suffix="人" style={{ width: '100%' }} />
          </Form.Item></Col>
          <Col span={24}><Form.Item label="接待人员" name="receivers" {...full}><Checkbox.Group options={RECEIVERS} /></Form.Item></Col>
        </Row>
      </Card>
      <Card title="信访人信息" size="small" className="card">
        <Row>
          <Col span={12}><Form.Item label="姓名" name="name" rules={[{ required: true, message: '请输入信访人姓名' }]}><Input placeholder="信访人姓名" /></Form.Item></Col>
          <Col span={12}><Form.Item label="性别" name="gender"><Radio.Group options={[{ value: '1', label: '男' }, { value: '2', label: '女' }]} /></Form.Item></Col>
          <Col span={12}><Form.Item label="证件号码" name="idCard" tooltip="居民身份证号码"
            rules={[{ required: true, message: '请输入证件号码' }, { validator: async (_r, v?: string) => { if (v && !idOk(v)) throw new Error('身份证号码格式不正确'); } }]}>
            <Input maxLength={18} placeholder="18位居民身份证号码" />
          </Form.Item></Col>
          <Col span={12}><Form.Item label="联系电话" name="phone" rules={[{ required: true, message: '请输入联系电话' }, { pattern: MOBILE, message: '请输入正确的手机号码' }]}>
            <Input maxLength={11} placeholder="手机号码" />
          </Form.Item></Col>
          <Col span={24}><Form.Item label="住址" name="address" {...full}><Input placeholder="现住址" /></Form.Item></Col>
          <Col span={24}>
            <Form.Item label="同行人员" {...full} tooltip="集体访、多人来访时填写">
              <Form.List name="companions">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map(({ key, name }) => (
                      <Space key={key} className="companion" align="baseline" style={{ display: 'flex', marginBottom: 4 }}>
                        <Form.Item name={[name, 'name']} rules={[{ required: true, message: '请输入姓名' }]} noStyle><Input placeholder="姓名" style={{ width: 120 }} /></Form.Item>
                        <Form.Item name={[name, 'idCard']} rules={[{ validator: async (_r, v?: string) => { if (v && !idOk(v)) throw new Error('同行人员身份证号码格式不正确'); } }]} noStyle>
                          <Input placeholder="身份证号码" maxLength={18} style={{ width: 220 }} />
                        </Form.Item>
                        <Form.Item name={[name, 'phone']} rules={[{ pattern: MOBILE, message: '同行人员手机号码不正确' }]} noStyle><Input placeholder="联系电话" maxLength={11} style={{ width: 160 }} /></Form.Item>
                        <MinusCircleOutlined onClick={() => remove(name)} />
                      </Space>
                    ))}
                    <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} style={{ width: 520 }}>添加同行人员</Button>
                  </>
                )}
              </Form.List>
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title="信访事项" size="small" className="card">
        <Row>
          <Col span={24}><Form.Item label="信访事项" name="matter" {...full} rules={[{ required: true, message: '请输入信访事项' }, { max: 100, message: '信访事项不超过100字' }]}>
            <Input placeholder="简要概括反映的问题" />
          </Form.Item></Col>
          <Col span={12}><Form.Item label="问题类别" name="category" rules={[{ required: true, message: '请选择问题类别' }]}>
            <Select options={CATEGORY} showSearch={{ optionFilterProp: 'label' }} placeholder="请选择或输入" />
          </Form.Item></Col>
          <Col span={12}><Form.Item label="问题属地" name="region" rules={[{ required: true, message: '请选择问题属地' }]}>
            <Cascader options={REGIONS} placeholder="省 / 市 / 县（市、区）/ 乡镇 / 村" />
          </Form.Item></Col>
          <Col span={12}><Form.Item label="重复访" name="repeat" valuePropName="checked" tooltip="同一事项此前已经信访"><Switch checkedChildren="是" unCheckedChildren="否" /></Form.Item></Col>
          <Col span={24}><Form.Item label="主要诉求" name="content" {...full} rules={[{ required: true, message: '请输入主要诉求' }, { min: 10, message: '主要诉求不少于10个字' }]}>
            <Input.TextArea rows={4} showCount maxLength={1000} placeholder="信访人反映的主要情况和诉求" />
          </Form.Item></Col>
        </Row>
      </Card>
      <Card title="转送及登记" size="small" className="card">
        <Row>
          <Col span={12}><Form.Item label="转送单位" name="transferDepts" rules={[{ required: true, message: '请选择转送单位' }]}>
            <Select mode="multiple" options={DEPTS} showSearch={{ optionFilterProp: 'label' }} placeholder="可多选" />
          </Form.Item></Col>
          <Col span={12}><Form.Item label="办理时限" name="deadline" dependencies={['petitionDate']}
            rules={[({ getFieldValue }) => ({ validator: async (_r, v?: Dayjs | null) => {
              const d = getFieldValue('petitionDate') as Dayjs | null | undefined;
              if (v && d && !v.isAfter(d, 'day')) throw new Error('办理时限应晚于信访日期');
            } })]}>
            <DatePicker style={{ width: '100%' }} placeholder="请选择日期" />
          </Form.Item></Col>
          <Col span={12}><Form.Item label="登记人" name="registrar" rules={[{ required: true, message: '请输入登记人' }]}><Input /></Form.Item></Col>
          <Col span={12}><Form.Item label="登记时间" name="regTime"><DatePicker showTime style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
      </Card>
      <div className="footer-bar">
        <Space><Button>重置</Button><Button type="primary" htmlType="submit">提交</Button></Space>
      </div>
    </Form>
  );
}

createRoot(document.getElementById('root')!).render(
  <ConfigProvider locale={zhCN}>
    <div className="layout">
      <div className="side">
        <div className="logo">泰兴市人大信访信息系统</div>
        <div className="menu-item">首页</div><div className="menu-item active">信访登记</div><div className="menu-item">信访查询</div><div className="menu-item">交办督办</div><div className="menu-item">统计分析</div>
      </div>
      <div className="main">
        <div className="page-header"><div className="crumb">信访管理 / 信访登记</div><h1>信访事项登记</h1></div>
        <div className="content"><LetterForm /></div>
      </div>
    </div>
  </ConfigProvider>,
);
