import config from './config';
import routes from './routes';
import controllers from './controllers';

export default {
  config,
  routes,
  controllers,
};
