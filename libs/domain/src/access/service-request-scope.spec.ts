import { DomainError, ERROR_CODES } from '../errors';
import { can } from '../permissions';
import { authorizeServiceRequestStep, serviceRequestStepVerdict } from './step-rules';

const request = { department: '供电公司' };

function refusal(fn: () => void): DomainError {
  try {
    fn();
  } catch (err) {
    return err as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('department scope of service requests (issue 10)', () => {
  it('lets department staff act on a request with their own department', () => {
    expect(serviceRequestStepVerdict({ userId: 'u1', role: 'department_staff', departmentName: '供电公司' }, request)).toEqual({ allowed: true });
    expect(() => authorizeServiceRequestStep(request, {}, { userId: 'u1', role: 'department_staff', departmentName: ' 供电公司 ' })).not.toThrow();
  });

  it('refuses department staff of another department with FORBIDDEN_NOT_OWNER naming both departments', () => {
    const err = refusal(() => authorizeServiceRequestStep(request, {}, { userId: 'u2', role: 'department_staff', departmentName: '自然资源局' }));
    expect(err).toBeInstanceOf(DomainError);
    expect(err.code).toBe(ERROR_CODES.FORBIDDEN_NOT_OWNER);
    expect(err.message).toContain('服务请求限承办部门办理');
    expect(err.message).toContain('供电公司');
    expect(err.message).toContain('自然资源局');
  });

  it('refuses department staff without a department', () => {
    for (const departmentName of [null, undefined, '', '  ']) {
      const verdict = serviceRequestStepVerdict({ userId: 'u3', role: 'department_staff', departmentName }, request);
      expect(verdict.allowed).toBe(false);
    }
  });

  it('lets the Enterprise Service Bureau, zone leadership and the Project Service Bureau act on any department', () => {
    for (const role of ['enterprise_service_bureau', 'zone_leadership', 'project_service_bureau'] as const) {
      expect(serviceRequestStepVerdict({ userId: 'u4', role, departmentName: '企业服务局' }, request)).toEqual({ allowed: true });
      expect(serviceRequestStepVerdict({ userId: 'u4', role }, request)).toEqual({ allowed: true });
    }
  });

  it('gives department staff the service handling permission only', () => {
    expect(can('department_staff', 'service.handle')).toBe(true);
    expect(can('department_staff', 'service.raise')).toBe(false);
    expect(can('department_staff', 'service.rate')).toBe(false);
    expect(can('department_staff', 'org.manage')).toBe(false);
    expect(can('department_staff', 'org.read')).toBe(true);
  });
});
