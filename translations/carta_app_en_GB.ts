<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>FieldForm</name>
    <message>
        <source>Problems with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemCommands</name>
    <message>
        <source>Edit Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Slug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Paragraph Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Paragraph Down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Curriculum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funding guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulletin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taxonomy term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curricula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funding guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulletins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taxonomy terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profession</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Career stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Career stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Carta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carta: edit health-education content offline and sync it with the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this replica file instead of an account&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this item in a tab (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the main window to this PNG file once loaded, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size for --screenshot (default 1440x900).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WxH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the replica %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot needs --replica FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--size must look like 1440x900</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once the main window is shown and idle, print the time since the process started and its memory, then exit (bench_app_start).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the conflict dialog for this item (with --screenshot: render the dialog).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this section of the last opened item: item, details, paragraphs or attachments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the moderation queue with this item under review (with --screenshot: render that window).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the history of this item (with --screenshot: render the dialog).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unsent changes can be saved: run `carta-cli --replica %1 recover`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this replica belongs to %1 on %2, not %3 on %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::AccountCheck</name>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this token (HTTP %1). Check it, or ask an administrator for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer like a Carta server (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::AssessmentMethodDelegate</name>
    <message>
        <source>Assessment method</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::AssessmentTableModel</name>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workplace-based assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual review of competence progression (ARCP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct observation of procedural skills (DOPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mini clinical evaluation exercise (mini-CEX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case-based discussion (CbD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-source feedback (MSF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective structured clinical examination (OSCE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Assessment %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::AttachmentsPanel</name>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop files here to attach them, or use Add File. They are uploaded with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose files to attach to this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected file from this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems with attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not attached: there is no such file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not attached: it is a folder; attach the files in it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not attached: the file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not attached: it is %2, and the largest file an item can have is %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not attached: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is attached already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Attach %n Files</source>
        <translation>
            <numerusform>Attach %n File</numerusform>
            <numerusform>Attach %n Files</numerusform>
        </translation>
    </message>
    <message>
        <source>Attached %1. Uploaded with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Attachment “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed “%1” from this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release to attach the files to this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files not attached</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::CompetencyTableModel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Competency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Competency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Competency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Competency %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::ConflictDialog</name>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>introduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled withdrawal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve conflict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict in “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why resolving failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes this window; the conflict waits, and both versions are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Places in conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places in conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each place where both sides changed the same thing, with the decision made for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base (before both changes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base, before both changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;ine (this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine, changed on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;heirs (server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs, changed on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How differences are marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: added or changed since Base, in Mine and Theirs. %2: removed or replaced by one side, in Base.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Underlined bold words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Struck-through words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this computer&apos;s version of this place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the server&apos;s version of this place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep b&amp;oth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this computer&apos;s text, then the server&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision for this place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep all mi&amp;ne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this computer&apos;s version in every place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep all th&amp;eirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep all theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the server&apos;s version in every place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item was deleted on the server after you changed it on this computer. Your version is shown below: keep it, or accept the deletion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You deleted this item on this computer, but it was changed on the server since. Their version is shown below: keep it, or delete the item anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Your version (this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Their version (server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep my version (restore it on the server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep their version (cancel my deletion)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept the deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete it anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the item from this computer too; your changes are discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes the item on the server too; their changes are discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This item was changed on this computer and on the server in the same %n place(s). Everything else is already combined. For each place, keep one side or edit the result, then choose Resolve.</source>
        <translation>
            <numerusform>This item was changed on this computer and on the server in the same %n place. Everything else is already combined. For each place, keep one side or edit the result, then choose Resolve.</numerusform>
            <numerusform>This item was changed on this computer and on the server in the same %n places. Everything else is already combined. For each place, keep one side or edit the result, then choose Resolve.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Not there before: added since)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Deleted on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Deleted on the server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;mine (deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;theirs (deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;ult (what is kept; you can edit it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;ult (what is kept; choose Keep mine or Keep theirs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide every place first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result is not a complete item yet:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result passes Carta&apos;s checks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in the result (you can still resolve and fix them in the editor; the server accepts the item once they are fixed):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result cannot be kept as it is:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conflict could not be resolved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remaining version cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item is kept for now: it could not be deleted (%1). Choose Resolve to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search and sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profession</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Career stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration (months)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry requirements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recruitment window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funding body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpublish at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paragraphs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>competencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workplace-based assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DOPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mini-CEX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case-based discussion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-source feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OSCE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::CurriculumEditor</name>
    <message>
        <source>&amp;Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective &amp;from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective t&amp;o:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No end date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>competency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a %1 after the selected row (Insert)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected %1 (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected %1 up (Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected %1 down (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems with the %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::CurriculumTableModel</name>
    <message>
        <source>Row %1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::DateField</name>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::DiffView</name>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 “%3”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, %3 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>⋯ %n unchanged line(s)</source>
        <translation>
            <numerusform>⋯ %n unchanged line</numerusform>
            <numerusform>⋯ %n unchanged lines</numerusform>
        </translation>
    </message>
    <message>
        <source>Now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National (no region)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moved from position %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from position %1 to position %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begins:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New item: everything in %1 is added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow state: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No differences in the content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed text is %1; added text is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>struck through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>underlined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search and sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profession</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Career stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration (months)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry requirements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recruitment window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funding body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled withdrawal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workplace-based assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DOPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mini-CEX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case-based discussion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-source feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OSCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Important</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landing page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regional hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profession landing page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training office update</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::FacetModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %Ln item(s)</source>
        <translation>
            <numerusform>%1, %Ln item</numerusform>
            <numerusform>%1, %Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carta::app::HistoryDialog</name>
    <message>
        <source>History of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry loading the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision&amp;s (select one to see what it changed, or two to compare them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change of the item, newest first: when, who, what and the comment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes in the selected revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mment for the revert (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment for the revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the earlier revision comes back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert to this revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert to the selected revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes a new draft from the selected revision; nothing is published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About reverting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of the revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server to load the history. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not give the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has no history for this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), newest first.</source>
        <translation>
            <numerusform>%n change, newest first.</numerusform>
            <numerusform>%n changes, newest first.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published (scheduled for %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled withdrawal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpublished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpublished (scheduled for %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverted to an earlier revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 by %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a revision to see what it changed, or two to compare them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one revision, or two to compare them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change deleted the item: there is no revision to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One of the selected changes deleted the item: there is nothing to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load this revision. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot revert this item: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history is loading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no history to revert to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one earlier revision to revert to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change deleted the item: there is no revision to restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the current revision: select an earlier one to revert to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes a new draft with the content of %1; nothing is published until it is reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed the item after this history was loaded, so nothing was reverted (the server said: %1). The history has been loaded again: check the revision and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server; nothing was reverted. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused to revert: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverted: a new draft was made from the revision of %1. Nothing was published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::ItemEditor</name>
    <message>
        <source>New item: saved on this computer once you change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice about this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other problems to fix before review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words-joined-by-hyphens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The state changes on the server: Edit ▸ Submit for Review sends the item to a reviewer; reviewers and publishers act in View ▸ Moderation Queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;lug:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a text paragraph after the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected paragraph up (Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected paragraph down (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Paragraph Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Paragraph Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save: %1. Your changes are still here; Carta tries again after your next change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was also changed by a sync while you edited it; where both changed the same text, your version is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Changes From the Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on this computer at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes From the Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated with changes from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item conflicts with a change on the server. Your version is shown and kept; resolving conflicts in the app is not available yet (use “carta-cli resolve”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item is deleted on this computer; the deletion is sent with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the last version of this item:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>form label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item was deleted on the server. If you change it, it is created again with your version when you next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UK time, %1 (UTC%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a problem to go to the place it names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections of the item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taxonomy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National (all regions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule (UK time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unpublish at a set time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish at a set time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpublish at a set time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish at a set time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpublish at (UK time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish at (UK time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpublish:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpublish time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Unpublish Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Publish Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are UK time (Europe/London): GMT in winter, BST in summer. The server publishes and unpublishes on time once the item is approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search engines and sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meta description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One or two sentences shown under the title in search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meta description length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>separated by commas, for example: foundation, training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keywords:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Meta Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a paragraph to move it, or press Alt+Up or Alt+Down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paragraphs (drag to reorder, or Alt+Up and Alt+Down):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a paragraph of another kind after the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Callout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning &amp;outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Policy reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resource reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;athway reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule Unpublishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule Publishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Unpublish Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Publish Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 characters: %3 too many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n to fix)</source>
        <translation>
            <numerusform>%1 (%n to fix)</numerusform>
            <numerusform>%1 (%n to fix)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix in %1</source>
        <translation>
            <numerusform>%n problem to fix in %1</numerusform>
            <numerusform>%n problems to fix in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>To fix before review, elsewhere in this item (a draft is saved anyway); choose one to go to it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::ItemListModel</name>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted, not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::JourneyScene</name>
    <message>
        <source>One month shorter (or press -)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One month longer (or press +)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No career stage chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No portal chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To fix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years 1 month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 years %2 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Years %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This pathway has no stages yet. Add the first stage to start the journey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::LearningOutcomeTableModel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Learning Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Learning Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Learning Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Learning Outcome %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::MainWindow</name>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carta — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save now (Carta also saves a second after every change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1” on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Carta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Carta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Carta&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;The editorial workstation for national health-education content. Your work is saved on this computer as you type and sent to the server when you sync.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search titles, summaries and text (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of items found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an item from the list (Enter or double-click), or create one with File ▸ New.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token not in a keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync with the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send your changes and receive everyone else&apos;s (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replica unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not sent</source>
        <translation>
            <numerusform>%Ln change not sent</numerusform>
            <numerusform>%Ln changes not sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln conflict</numerusform>
            <numerusform>%Ln conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>Your changes are saved on this computer; syncing sends them to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That item is no longer in the replica.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the item: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” stays open because it could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes Not Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These items could not be saved on this computer:
%1

Close anyway and lose those changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This replica is not connected to a server yet: sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carta needs your token to sync: sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Synced: sent %Ln change(s)</source>
        <translation>
            <numerusform>Synced: sent %Ln change</numerusform>
            <numerusform>Synced: sent %Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>received %Ln.</source>
        <translation>
            <numerusform>received %Ln.</numerusform>
            <numerusform>received %Ln.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server refused %Ln change(s); see My drafts.</source>
        <translation>
            <numerusform>The server refused %Ln change; see My drafts.</numerusform>
            <numerusform>The server refused %Ln changes; see My drafts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) in conflict: see Conflicts.</source>
        <translation>
            <numerusform>%Ln item in conflict: see Conflicts.</numerusform>
            <numerusform>%Ln items in conflict: see Conflicts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync did not finish: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve &amp;Conflict…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare this computer&apos;s version of the item with the server&apos;s and decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the open item as the public website will show it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carta will use %1 the next time it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the open item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is in conflict with the server&apos;s version: Edit ▸ Resolve Conflict… (%2) shows both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the conflicts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That item has no conflict to resolve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict resolved: your decision is sent with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not accepted: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Submit for Review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the item to a reviewer (your latest text is synced first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit for Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note for the reviewer (what changed and why; optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item &amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every revision of the item on the server: who, when, why, and what changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Moderation Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items waiting for a reviewer or a publisher, and what each would change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a publisher or an admin sets when an item goes live or comes off the site; ask one when it is approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That item is not here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be submitted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending your latest text before submitting “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to submit items for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not submitted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted “%1” for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an item to see its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has not reached the server yet, so it has no history there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see an item&apos;s history: it is kept on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not submitted: the item could not be saved on this computer (see the editor).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not submitted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone changed it on the server since your last sync; sync, check it, and submit again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not accept the latest text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sync did not finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was not submitted: %2. Your comment was: “%3”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an item first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carta learns your role at the next sync; until then it cannot offer Revert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;view and Publish…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item in the review pane: approve, publish, schedule, unpublish or archive it, as your role allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete an item that is not on the public site (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is on the public site, so it is not deleted: a publisher unpublishes or archives it (Edit ▸ Review and Publish…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1”? It goes from this computer now and from the server at your next sync; its history on the server is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1”? It was never sent to the server, so it is gone for good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “%1”; the server hears of it at your next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::MarkdownPreview</name>
    <message>
        <source>Markdown preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The paragraph as the public site will show it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::ModerationWindow</name>
    <message>
        <source>Moderation Queue — Carta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderation queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::MultiLineTextDelegate</name>
    <message>
        <source>Enter to finish, Shift+Enter for a new line, Escape to cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::NavigationModel</name>
    <message>
        <source>All items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items you changed that are not yet sent to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items changed here and on the server in ways that need you to decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %Ln item(s)</source>
        <translation>
            <numerusform>%1, %Ln item</numerusform>
            <numerusform>%1, %Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carta::app::OutcomeCodesDelegate</name>
    <message>
        <source>Learning outcome codes, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>codes, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::ParagraphEditor</name>
    <message>
        <source>Add %1 Paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Paragraph Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a paragraph to edit it, or add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems with the selected paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callout title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, for example “Before you apply”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callout style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Important</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callout t&amp;itle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;yle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Markdown:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Callout Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Callout Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heading text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heading level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level 2: a section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level 3: a subsection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level 4: a minor heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heading te&amp;xt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Heading Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link list title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, for example “Further reading”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a link after the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List t&amp;itle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lin&amp;ks (title and address; press F2 or start typing to edit a cell):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Introduction to the learning outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning outcomes covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Introduction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning &amp;outcomes covered (tick each one; Space ticks the selected one):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No paragraph selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callout te&amp;xt (Markdown):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph %1 callout text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph %1 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of paragraph %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph %1 heading text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not a learning outcome of this curriculum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a curriculum has learning outcomes to choose from; on other items this paragraph lists codes of outcomes kept elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This curriculum has no learning outcomes yet: add them under Details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Learning Outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find a %1 to show here:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find another %1 instead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of its title…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 chosen yet. Its content is shown here on the site, kept in step with the %1 itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the %1 %2, which is not on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the %1 “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 called “%2”. Choose one from the list as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose What the Paragraph Shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph %1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>introduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph %1, link %2 title: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph %1, link %2 address: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph %1, learning outcome %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the paragraph shows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::ParagraphLinksModel</name>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address (https:// or /path)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Link Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Link Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::ParagraphListModel</name>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::PathwayEditor</name>
    <message>
        <source>&amp;Add stage after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a stage after the selected one; it leads on to where the selected stage led (Insert)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an alternative route beside the selected stage: reached from the same stages, leading to the same next stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected stage; the stages before it lead to the stages after it (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap the selected stage with the stage before it (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap the selected stage with the stage after it (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profession</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profession this pathway is for; type to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a profession</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems with Profession</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profession:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems with the journey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Journey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages in journey order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems with the selected stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Career stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The career stage this part of the journey belongs to; type to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a career stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration in months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where people apply or register for this stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recruitment window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. November to December</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry requirements (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a person needs to start this stage (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stages a person can go on to after this one; tick more than one for a branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Career stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ortal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recruitment &amp;window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;ntry requirements:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry requirements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt stages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rena&amp;me in place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit stage title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change stage duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit recruitment window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit entry requirements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not in the taxonomy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no stages yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 along the longest route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown portal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing stage “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add first stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected: %1 (%2 of %3), %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrow keys move between stages, Enter edits the selected stage in the form, F2 renames it in place, + and - change its duration by a month, Delete removes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move stage earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move stage later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change career stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change profession</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change next stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no profession is called “%1”; choose one from the list (the pathway keeps its profession until you do)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no career stage is called “%1”; choose one from the list (the stage keeps its career stage until you do)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has problems: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journey: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::PreviewPane</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item as the public site will show it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::QueueModel</name>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carta::app::QueueView</name>
    <message>
        <source>&amp;State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profession</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by profession</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;uthor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by who last changed the item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by waiting time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All awaiting action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All professions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items awaiting action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderation queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%L2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 in review · %L2 approved · %L3 changes requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is waiting for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No item matches these filters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::ReviewPane</name>
    <message>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A comment for the author (needed to request changes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish at (UK time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every revision, and the differences between any two</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why some actions are not offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;omment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item is no longer here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an item in the queue to review it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last changed by %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>national</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to be published %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Passes validation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>✗ %n problem(s) to fix before publishing:</source>
        <translation>
            <numerusform>✗ %n problem to fix before publishing:</numerusform>
            <numerusform>✗ %n problems to fix before publishing:</numerusform>
        </translation>
    </message>
    <message>
        <source>Live on the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on the site yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an item first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync once so Carta knows your role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done; the new state shows after the sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have unsent edits of this item: sync them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to act on items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see the comments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the comments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comments cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say in the comment what needs to change, then request changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request &amp;Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish &amp;Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sche&amp;dule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at (UK time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live revision of this item is not on this computer yet: sync, or use History… to compare revisions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has problems to fix first (listed at the top)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” changed on the server since your last sync: sync, look again, then decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes requested for “%1”; the author sees your comment at their next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” published: it is on the site now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” scheduled: it goes live %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish “%1” on the public website now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpu&amp;blish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archi&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpublish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take “%1” off the public website now? It stays in Carta, and can be published again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive “%1”? It comes off the public website if it is there and can no longer be edited; its history is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” unpublished: it is off the site now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” archived.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::SignInDialog</name>
    <message>
        <source>Sign In to Carta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in once with the token your administrator gave you. After the first sync you can work offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://carta.example.nhs.uk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>firstname.lastname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking your account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as https://carta.example.nhs.uk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token belongs to “%1”, not “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in. Saving your token…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::SimpleFieldsEditor</name>
    <message>
        <source>Landing page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regional hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profession landing page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training office update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page &amp;kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issued:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publisher:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News &amp;kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Funding body:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Eligibility (Markdown):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Effective from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Web address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subject line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vocabulary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (a top-level term)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slug of the parent term in the same vocabulary; empty for a top-level term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Parent term:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no %1 term has the slug “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Order among siblings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway p&amp;ortal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Career stages: the portal the gateway routes to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::TermPicker</name>
    <message>
        <source>Type to add a %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a %1&apos;s name, then choose it from the list or press Enter. Backspace in the empty field removes the last one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No term called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a %2 known on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::TokenStore</name>
    <message>
        <source>the keychain is switched off (CARTA_KEYCHAIN=off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available (%1). Your token is kept only until Carta closes; you will be asked for it again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it did not answer within %1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::sync::ServerClient</name>
    <message>
        <source>The server cannot be reached (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer is not understood: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::sync::SyncEngine</name>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the attachment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server cannot be reached (%1); your changes are kept and will be sent next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its file is missing from %1; attach it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused an attachment upload: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not take the attachment &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the push: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s answer is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused to say who you are: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s answer about your account is not understood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the pull: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an attachment name (64 lowercase hex digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the attachment store %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write in the attachment store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent more than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot download the attachment %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server cannot be reached (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
