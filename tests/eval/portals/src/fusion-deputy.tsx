// 镇人大代表登记 on Fusion Next (React 18): fixed-span left labels, Field-bound controls,
// month-only 出生年月, GB/T 2261.1 sex codes, GB/T 4658 education codes, a combined
// 工作单位及职务 field as many township systems have.
import { createRoot } from 'react-dom/client';
import { Button, ConfigProvider, DatePicker2, Field, Form, Grid, Input, Message, Radio, Select } from '@alifd/next';
import '@alifd/next/dist/next.css';

const { Row, Col } = Grid;
const NATIONS = ['汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族', '土家族'];
const PARTIES = ['中共党员', '中共预备党员', '共青团员', '民革会员', '民盟盟员', '民建会员', '民进会员', '农工党党员', '致公党党员', '九三学社社员', '台盟盟员', '无党派人士', '群众'];
const EDU = [['1', '研究生'], ['2', '大学本科'], ['3', '大学专科'], ['4', '中等专科'], ['6', '高中'], ['7', '初中'], ['8', '小学']].map(([value, label]) => ({ value: value!, label: label! }));
const GROUPS = ['青山片代表小组', '柳河片代表小组', '东岗片代表小组', '集镇片代表小组'];
const STATUS = ['在任', '辞职', '罢免', '去世', '调离'];

function idOk(v: string): boolean {
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * w[i]!;
  return '10X98765432'[sum % 11] === v[17];
}

const EMPTY = {
  name: '', gender: '', nation: '', birthday: '', idCard: '', party: '', edu: '', level: '', term: '', area: '', group: '', card: '',
  unitPosition: '', mobile: '', address: '', postcode: '', elected: '', status: '', resume: '',
};

function App() {
  const field = Field.useField({ values: { ...EMPTY } });
  const validate = async () => {
    const { errors } = await field.validatePromise();
    if (!errors) return { ok: true, errors: [] as string[] };
    return { ok: false, errors: Object.values(errors as Record<string, { errors: string[] }>).flatMap((e) => e.errors) };
  };
  (window as unknown as { __portal: unknown }).__portal = {
    state: () => JSON.parse(JSON.stringify({ ...EMPTY, ...field.getValues() }, (_k, v) => (v === undefined ? null : v))),
    submit: validate,
  };
  const item = { labelCol: { fixedSpan: 6 }, wrapperCol: { span: 16 } };
  const sel = (list: string[]) => list.map((x) => ({ value: x, label: x }));
  return (
    <ConfigProvider>
      <div className="page">
        <h2>青山镇人大代表登记</h2>
        <Form field={field} {...item} labelAlign="left" labelTextAlign="right">
          <Row wrap>
            <Col span={12}><Form.Item label="姓名" name="name" required requiredMessage="姓名不能为空"><Input name="name" /></Form.Item></Col>
            <Col span={12}><Form.Item label="性别" name="gender" required requiredMessage="请选择性别">
              <Radio.Group name="gender" dataSource={[{ value: '1', label: '男' }, { value: '2', label: '女' }]} />
            </Form.Item></Col>
            <Col span={12}><Form.Item label="民族" name="nation" required requiredMessage="请选择民族"><Select name="nation" dataSource={sel(NATIONS)} showSearch style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={12}><Form.Item label="出生年月" name="birthday" required requiredMessage="请选择出生年月">
              <DatePicker2 name="birthday" mode="month" format="YYYY-MM" outputFormat="YYYY-MM" style={{ width: '100%' }} />
            </Form.Item></Col>
            <Col span={12}><Form.Item label="公民身份号码" name="idCard" required requiredMessage="请输入公民身份号码"
              validator={(_r: unknown, v: unknown, cb: (e?: string) => void) => cb(v && !idOk(String(v)) ? '公民身份号码校验不通过' : undefined)}><Input name="idCard" maxLength={18} /></Form.Item></Col>
            <Col span={12}><Form.Item label="政治面貌" name="party" required requiredMessage="请选择政治面貌"><Select name="party" dataSource={sel(PARTIES)} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={12}><Form.Item label="学历" name="edu"><Select name="edu" dataSource={EDU} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={12}><Form.Item label="代表层级" name="level" required requiredMessage="请选择代表层级">
              <Radio.Group name="level" shape="button" dataSource={[{ value: '县级', label: '县级' }, { value: '镇级', label: '镇级' }]} />
            </Form.Item></Col>
            <Col span={12}><Form.Item label="届次" name="term" required requiredMessage="请选择届次"><Select name="term" dataSource={sel(['第十八届', '第十九届', '第二十届'])} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={12}><Form.Item label="选区" name="area"><Input name="area" /></Form.Item></Col>
            <Col span={12}><Form.Item label="代表小组" name="group"><Select name="group" dataSource={sel(GROUPS)} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={12}><Form.Item label="代表证号" name="card"><Input name="card" /></Form.Item></Col>
            <Col span={24}><Form.Item label="工作单位及职务" name="unitPosition" labelCol={{ fixedSpan: 6 }} wrapperCol={{ span: 20 }}><Input name="unitPosition" /></Form.Item></Col>
            <Col span={12}><Form.Item label="手机号码" name="mobile" required requiredMessage="请输入手机号码" format="tel" formatMessage="手机号码格式不正确"><Input name="mobile" /></Form.Item></Col>
            <Col span={12}><Form.Item label="当选日期" name="elected"><DatePicker2 name="elected" format="YYYY-MM-DD" outputFormat="YYYY-MM-DD" style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={12}><Form.Item label="通讯地址" name="address"><Input name="address" /></Form.Item></Col>
            <Col span={12}><Form.Item label="邮政编码" name="postcode" pattern={/^\d{6}$/} patternMessage="邮政编码为6位数字"><Input name="postcode" maxLength={6} /></Form.Item></Col>
            <Col span={12}><Form.Item label="代表状态" name="status"><Select name="status" dataSource={sel(STATUS)} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={24}><Form.Item label="个人简历" name="resume" wrapperCol={{ span: 20 }}><Input.TextArea name="resume" rows={4} /></Form.Item></Col>
          </Row>
          <Form.Item label=" ">
            <Button type="primary" onClick={async () => { const r = await validate(); if (r.ok) Message.success('保存成功'); else Message.error(r.errors[0] ?? ''); }}>保存</Button>
          </Form.Item>
        </Form>
      </div>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('app')!).render(<App />);
