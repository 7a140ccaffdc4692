export const HOME_PATH = '/home';
export const LOGIN_ROUTE_NAME = 'login';
export const FORBIDDEN_ROUTE_NAME = 'forbidden';
