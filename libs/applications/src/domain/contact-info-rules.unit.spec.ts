import {
  applicantInfoProblems,
  customerInfoProblems,
  type ApplicantInfo,
  type CustomerInfo,
} from './contact-info-rules';

const customer: CustomerInfo = {
  name: '東京電力パワーグリッド株式会社',
  department: '本社',
  contactName: '東電　太郎',
  phone: '090-9999-9999',
};

const applicant: ApplicantInfo = {
  company: '東京電力パワーグリッド株式会社',
  department: '本社',
  name: '田中次郎',
  phone1: '03-1234-5678',
  email: 'jiro.tanaka@example.co.jp',
};

describe('customer and applicant sections', () => {
  it('APP-3: a well-filled customer section has no problems', () => {
    expect(customerInfoProblems(customer)).toEqual([]);
  });

  it('APP-3: phone 2 and fax may be left out of the applicant section', () => {
    expect(applicantInfoProblems(applicant)).toEqual([]);
    expect(applicantInfoProblems({ ...applicant, phone2: null, fax: '' })).toEqual([]);
  });

  it('APP-3: problems come as dotted field paths, in the input order', () => {
    const problems = customerInfoProblems({
      name: '㈱東電',
      department: 'ﾎﾝｼｬ',
      contactName: '',
      phone: '090-9999',
    });
    expect(problems.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'customer.name', code: 'MACHINE_DEPENDENT_CHARACTER' },
      { field: 'customer.department', code: 'NOT_FULL_WIDTH' },
      { field: 'customer.contactName', code: 'REQUIRED' },
      { field: 'customer.phone', code: 'INVALID_PHONE_NUMBER' },
    ]);
  });

  it('APP-3: the applicant section checks every field, with the form labels in its messages', () => {
    const problems = applicantInfoProblems({
      company: 'Example Inc.',
      department: '営業部',
      name: '田中①',
      phone1: '',
      phone2: '12',
      email: 'jiro.@example.co.jp',
      fax: '03-1234-5678',
    });
    expect(problems.map(({ field, message }) => `${field}: ${message}`)).toEqual([
      'applicant.company: 申込者所属企業名は全角で入力してください（半角の英数字・記号・スペース・カタカナはご使用いただけません）。',
      'applicant.name: 申込者氏名にご使用いただけない文字（「①」）が含まれています。機種依存文字・特殊文字のご使用はご遠慮ください。',
      'applicant.phone1: 電話番号1を入力してください。',
      'applicant.phone2: 電話番号2は半角数字で、市外局番・市内局番・加入者番号の3つに分けて合計10桁または11桁で入力してください（例: 090-9999-9999）。',
      'applicant.email: E-mailの「@」の直前に「.」は入力できません。',
    ]);
  });

  it('APP-3: a caller may root the paths elsewhere', () => {
    const [problem] = customerInfoProblems({ ...customer, name: '' }, 'input.customer');
    expect(problem?.field).toBe('input.customer.name');
  });
});
