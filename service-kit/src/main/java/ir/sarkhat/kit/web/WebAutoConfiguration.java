package ir.sarkhat.kit.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

import ir.sarkhat.kit.problem.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

/** Registers the problem advice and the body size limit in every servlet service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemResponses.class)
public class WebAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${sarkhat.web.max-request-size:256KB}") DataSize maxRequestSize, JsonMapper json,
            @Value("${sarkhat.web.streamed-paths:}") java.util.List<String> streamedPaths) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(maxRequestSize.toBytes(), json, streamedPaths));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
