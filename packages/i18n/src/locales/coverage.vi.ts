/** Vietnamese strings of the coverage feature: the screens' words under `coverage`, its API error codes under `errors`. */
export const coverageVi = {
  coverage: {},
  errors: {
    invalid_period: 'Kỳ báo cáo không hợp lệ.',
  },
};
