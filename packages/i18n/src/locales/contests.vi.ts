/** Vietnamese strings of the contests feature: the screens' words under `contests`, its API error codes under `errors`. */
export const contestsVi = {
  contests: {},
  errors: {},
};
