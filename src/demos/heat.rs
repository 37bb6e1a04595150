//! A CloudFormation-style query API in the manner of Heat's `heat-api-cfn`: `Action=...`
//! with its parameters in the query string or a form body, answered in XML, with Heat's AWS
//! errors ([`HeatError`]) as Heat sends them: `400 InvalidAction` on the status line,
//! `<ErrorResponse><Error><Type>Sender</Type><Code>…` in the body.
//!
//! | Request | Error |
//! | --- | --- |
//! | no `Action` | `MissingAction` |
//! | an action it does not serve | `InvalidAction` |
//! | `CreateStack` without `StackName`, or without `TemplateBody`/`TemplateURL` | `MissingParameter` |
//! | a stack that does not exist (Heat's engine raises `EntityNotFound`) | `InvalidParameterValue` |
//! | `CreateStack` of a stack that exists (`StackExists`) | `AlreadyExists` |
//! | more requests than the throttle allows | `Throttling` (400, as Heat sends it) |
//!
//! The engine's errors map to API errors through [`FromFault::from_remote`], as Heat's
//! `map_remote_error` does.

use super::{Throttle, Try};
use crate::seeds::HeatError;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::any;
use fault_core::integrations::axum::FaultLayer;
use fault_core::{Context, Format, FromFault, ServiceProfile};
use quick_xml::escape::escape;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The default port, `heat-api-cfn`'s.
pub const PORT: u16 = 8000;

/// The service: stacks in memory, and the throttle.
#[derive(Debug)]
pub struct Heat {
    stacks: Mutex<BTreeMap<String, Stack>>,
    throttle: Throttle,
}

#[derive(Clone, Debug)]
struct Stack {
    id: String,
    status: &'static str,
}

impl Heat {
    /// Two stacks, `web` and `db`, and a throttle of 20 requests at once, 10 a second after.
    #[must_use]
    pub fn new() -> Self {
        Heat::with_throttle(Throttle::new(20, Duration::from_millis(100)))
    }

    /// The same stacks, with this throttle.
    #[must_use]
    pub fn with_throttle(throttle: Throttle) -> Self {
        let stacks = ["web", "db"]
            .into_iter()
            .map(|name| (name.to_owned(), Stack::new(name, "CREATE_COMPLETE")))
            .collect();
        Heat {
            stacks: Mutex::new(stacks),
            throttle,
        }
    }

    /// The axum app: every path, `GET` or `POST`, behind the `FaultLayer`.
    pub fn router(self) -> Router {
        Router::new()
            .fallback(any(handle))
            .with_state(Arc::new(self))
            .layer(FaultLayer::new(ServiceProfile::new(Format::Heat)))
    }

    fn stacks(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Stack>> {
        self.stacks
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Default for Heat {
    fn default() -> Self {
        Heat::new()
    }
}

impl Stack {
    fn new(name: &str, status: &'static str) -> Self {
        Stack {
            id: format!(
                "arn:openstack:heat::demo:stacks/{name}/{}",
                super::new_uuid()
            ),
            status,
        }
    }
}

/// The requests to try, for a service at any address.
#[must_use]
pub fn tries() -> Vec<Try> {
    vec![
        Try::get(
            "describe a stack",
            "/v1/?Action=DescribeStacks&StackName=web",
            200,
        ),
        Try::get("no Action at all", "/v1/?StackName=web", 400),
        Try::get(
            "an action Heat does not serve",
            "/v1/?Action=DeleteEverything",
            400,
        ),
        Try::get(
            "CreateStack without its template",
            "/v1/?Action=CreateStack&StackName=app",
            400,
        ),
        Try::get(
            "a stack that does not exist",
            "/v1/?Action=DescribeStacks&StackName=nope",
            400,
        ),
        Try::get(
            "a stack that exists already",
            "/v1/?Action=CreateStack&StackName=web&TemplateURL=http://example.com/t.yaml",
            400,
        ),
    ]
}

/// The one handler: reads the parameters, dispatches on `Action`.
async fn handle(
    State(heat): State<Arc<Heat>>,
    RawQuery(query): RawQuery,
    context: Option<axum::Extension<Context<'static>>>,
    body: Bytes,
) -> Result<impl IntoResponse, HeatError> {
    heat.throttle.take().map_err(|_| HeatError::Throttling)?;
    // Heat reads the query string and a form body alike.
    let params: BTreeMap<String, String> =
        form_urlencoded::parse(query.unwrap_or_default().as_bytes())
            .chain(form_urlencoded::parse(&body))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
    let param = |name: &str| params.get(name).map(String::as_str);
    let action = param("Action").ok_or(HeatError::MissingAction)?;
    let result = match action {
        "DescribeStacks" | "ListStacks" => describe(&heat, param("StackName"))?,
        "CreateStack" => create(&heat, &params)?,
        "DeleteStack" => delete(
            &heat,
            param("StackName").ok_or(HeatError::MissingParameter)?,
        )?,
        _ => return Err(HeatError::InvalidAction),
    };
    let request_id = context.map_or_else(fault_core::new_request_id, |cx| {
        cx.request_id().unwrap_or_default().to_owned()
    });
    let body = format!(
        "<{action}Response><{action}Result>{result}</{action}Result>\
         <ResponseMetadata><RequestId>{}</RequestId></ResponseMetadata></{action}Response>",
        escape(&request_id)
    );
    Ok(([(CONTENT_TYPE, "application/xml; charset=UTF-8")], body))
}

/// What Heat's engine raises for a missing stack, mapped as its API maps it.
fn not_found(name: &str) -> HeatError {
    let detail = format!("The Stack ({name}) could not be found.");
    HeatError::from_remote("heat.common.exception.EntityNotFound", Some(&detail))
        .unwrap_or(HeatError::InternalFailure)
}

fn describe(heat: &Heat, name: Option<&str>) -> Result<String, HeatError> {
    let stacks = heat.stacks();
    let mut members = String::new();
    let chosen: Vec<(&String, &Stack)> = match name {
        Some(name) => vec![stacks.get_key_value(name).ok_or_else(|| not_found(name))?],
        None => stacks.iter().collect(),
    };
    for (name, stack) in chosen {
        let _ = write!(
            members,
            "<member><StackName>{}</StackName><StackId>{}</StackId>\
             <StackStatus>{}</StackStatus></member>",
            escape(name.as_str()),
            escape(stack.id.as_str()),
            stack.status
        );
    }
    Ok(format!("<Stacks>{members}</Stacks>"))
}

fn create(heat: &Heat, params: &BTreeMap<String, String>) -> Result<String, HeatError> {
    let name = params.get("StackName").ok_or(HeatError::MissingParameter)?;
    if !params.contains_key("TemplateBody") && !params.contains_key("TemplateURL") {
        return Err(HeatError::MissingParameter);
    }
    let mut stacks = heat.stacks();
    if stacks.contains_key(name) {
        return Err(HeatError::from_remote("StackExists", None).unwrap_or(HeatError::AlreadyExists));
    }
    let stack = Stack::new(name, "CREATE_IN_PROGRESS");
    let id = escape(stack.id.as_str()).into_owned();
    stacks.insert(name.clone(), stack);
    Ok(format!("<StackId>{id}</StackId>"))
}

fn delete(heat: &Heat, name: &str) -> Result<String, HeatError> {
    heat.stacks().remove(name).ok_or_else(|| not_found(name))?;
    Ok(String::new())
}
