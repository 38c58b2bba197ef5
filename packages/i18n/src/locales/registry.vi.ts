/** Vietnamese strings of the registry feature: the screens' words under `registry`, its API error codes under `errors`. */
export const registryVi = {
  registry: {},
  errors: {},
};
